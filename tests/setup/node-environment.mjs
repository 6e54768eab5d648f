// The test files' environment: Node's, which also closes the app's database pools once a file's
// last afterAll hook has run. An afterAll in setupFilesAfterEnv ran before the file's own (they
// run in the order declared), so a file that stopped its job runner afterwards opened a new pool
// that nothing closed: its connections stayed open into the worker's next files and kept the
// worker from exiting at the end ("a worker process has failed to exit gracefully").
// The pools' owner, lib/db.ts, registers their closing as the "database" shutdown phase
// (lib/ops/shutdown.ts keeps the hooks on globalThis under a registered symbol): that is run here.
import { TestEnvironment } from "jest-environment-node";

export default class PilotCrmEnvironment extends TestEnvironment {
  async teardown() {
    const shutdown = this.global[Symbol.for("pilot-crm.shutdown")];
    const hooks = shutdown ? [...shutdown.hooks.values()].filter((h) => h.phase === "database") : [];
    await Promise.all(hooks.map((h) => h.run().catch(() => undefined)));
    await super.teardown();
  }
}
