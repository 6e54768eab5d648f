import { createTestDatabase } from "./test-database.mjs";

export default async function globalSetup() {
  const database = await createTestDatabase();
  // Workers start after this and inherit the environment.
  process.env.DATABASE_URL = database.url;
  process.env.TEST_DATABASE_EMBEDDED = database.embedded ? "1" : "";
  // One connection per worker on the embedded database, as `npm run dev` (scripts/dev.mjs says why).
  if (database.embedded) process.env.DATABASE_POOL_MAX = "1";
  globalThis.__pilotCrmTestDatabase = database;
}
