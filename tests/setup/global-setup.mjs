import { createTestDatabase } from "./test-database.mjs";

export default async function globalSetup() {
  const database = await createTestDatabase();
  // Workers start after this and inherit the environment.
  process.env.DATABASE_URL = database.url;
  process.env.TEST_DATABASE_EMBEDDED = database.embedded ? "1" : "";
  globalThis.__pilotCrmTestDatabase = database;
}
