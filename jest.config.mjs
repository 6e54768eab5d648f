import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

/** Unit and integration tests. Integration tests run on a real PostgreSQL database made for the run. */
const config = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests/unit", "<rootDir>/tests/integration"],
  globalSetup: "<rootDir>/tests/setup/global-setup.mjs",
  globalTeardown: "<rootDir>/tests/setup/global-teardown.mjs",
  setupFiles: ["<rootDir>/tests/setup/env.mjs"],
  setupFilesAfterEnv: ["<rootDir>/tests/setup/after-env.ts"],
  moduleNameMapper: {
    "^server-only$": "<rootDir>/tests/setup/empty-module.js",
    "^@/(.*)$": "<rootDir>/$1",
  },
  testTimeout: 60_000,
  // Two cores here: two workers keep both busy without starving PostgreSQL.
  maxWorkers: 2,
};

export default createJestConfig(config);
