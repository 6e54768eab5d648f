import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

/**
 * Operations tests (npm run test:ops): the production build served by server.ts as real
 * processes — request logs, graceful shutdown, database outages, two instances behind nginx.
 * Each file makes its own database; one file at a time, since each starts servers.
 */
const config = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests/ops"],
  setupFiles: ["<rootDir>/tests/setup/env.mjs"],
  moduleNameMapper: {
    "^server-only$": "<rootDir>/tests/setup/empty-module.js",
    "^@/(.*)$": "<rootDir>/$1",
  },
  testTimeout: 180_000,
  maxWorkers: 1,
};

export default createJestConfig(config);
