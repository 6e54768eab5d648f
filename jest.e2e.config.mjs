import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

/** Browser flows in Debian's Chromium against a running `next start` (see scripts/e2e.mjs). */
const config = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
  testTimeout: 120_000,
  maxWorkers: 1,
};

export default createJestConfig(config);
