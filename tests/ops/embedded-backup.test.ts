// The embedded database's backup (a PGlite data-directory archive, since Debian's pg_dump 15
// refuses PGlite's PostgreSQL 18) round-trips through npm run db:backup / db:restore, and a
// restore over an existing data directory is refused without --force. In the ops suite: each
// PGlite start loads PostgreSQL as wasm, seconds apiece.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pilot-crm-embedded-backup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(script: string, args: string[]) {
  const result = spawnSync(process.execPath, [script, ...args], {
    env: { ...process.env, DATABASE_URL: "" },
    encoding: "utf8",
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

it("backs up and restores the embedded database's data directory", () => {
  const dir = path.join(tmp, "pglite");
  const copy = path.join(tmp, "pglite-restored");
  const pglite = (script: string) =>
    spawnSync(
      process.execPath,
      ["--input-type=module", "-e", `import { PGlite } from "@electric-sql/pglite"; ${script}`],
      { encoding: "utf8" },
    );
  expect(
    pglite(
      `const db = await PGlite.create(${JSON.stringify(dir)}); await db.exec("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('embedded row')"); await db.close();`,
    ).status,
  ).toBe(0);

  const file = path.join(tmp, "embedded.tar.gz");
  expect(run("scripts/db-backup.mjs", ["--data-dir", dir, "--out", file])).toMatchObject({ code: 0 });
  expect(run("scripts/db-restore.mjs", [file, "--data-dir", dir])).toMatchObject({ code: 1 });
  expect(run("scripts/db-restore.mjs", [file, "--data-dir", copy])).toMatchObject({ code: 0 });

  const read = pglite(
    `const db = await PGlite.create(${JSON.stringify(copy)}); console.log((await db.query("SELECT v FROM kept")).rows[0].v); await db.close();`,
  );
  expect(read.stdout.trim()).toBe("embedded row");
});
