// An in-memory embedded database in a process of its own, for test runs on a machine without
// PostgreSQL. Its own process, because a jest test file (runInOwnDatabase) cannot load PGlite's
// wasm inside jest's module sandbox. Prints the URL once it answers; stops on SIGTERM.
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres.mjs";

const port = Number(process.argv[2]);
const db = await startEmbeddedPostgres({ dataDir: "memory://", port });
console.log(db.url);
process.on("SIGTERM", async () => {
  await db.stop();
  process.exit(0);
});
