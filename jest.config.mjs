import nextJest from "next/jest.js";
import { serverAnswers } from "./tests/setup/test-database.mjs";

const createJestConfig = nextJest({ dir: "./" });

/** Unit and integration tests. Integration tests run on a real PostgreSQL database made for the run. */
const config = {
  // Node's, closing the database pools after each file's last hook (tests/setup/node-environment.mjs).
  testEnvironment: "<rootDir>/tests/setup/node-environment.mjs",
  roots: ["<rootDir>/tests/unit", "<rootDir>/tests/integration"],
  globalSetup: "<rootDir>/tests/setup/global-setup.mjs",
  globalTeardown: "<rootDir>/tests/setup/global-teardown.mjs",
  setupFiles: ["<rootDir>/tests/setup/env.mjs"],
  moduleNameMapper: {
    "^server-only$": "<rootDir>/tests/setup/empty-module.js",
    "^@/(.*)$": "<rootDir>/$1",
  },
  testTimeout: 60_000,
  // Two cores here: two workers keep both busy without starving PostgreSQL.
  maxWorkers: 2,
};

// Without a PostgreSQL server the run falls back to the embedded database, which executes one
// query at a time for all its connections; two workers' traffic interleaved there makes failures
// no real server would, so such a run takes one file at a time.
export default async function jestConfig() {
  const resolved = await createJestConfig(config)();
  return (await serverAnswers()) ? resolved : { ...resolved, maxWorkers: 1 };
}
