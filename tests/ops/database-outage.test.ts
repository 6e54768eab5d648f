// PostgreSQL goes away under a running server (through a TCP proxy the test cuts): every kind of
// route answers 503 with Retry-After — JSON on APIs and handlers, a friendly page on pages — never
// 500 and never a hang, liveness stays 200 (server actions too: 503, their result still carrying
// the form's message); when the database returns the same process serves again, and what was
// refused during the outage is accepted once on retry, never twice. Under continuous webhooks
// cut mid-stream, every event answered 202 is in the database once after recovery.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { UNAVAILABLE_DIGEST } from "@/lib/ops/unavailable-digest";
import { makeLead } from "../fixtures/factories";
import { companyFor, leadEvent, newSecret, signedRequest } from "../fixtures/lead-webhook";
import { opsPort, startAppServer, type TAppServer } from "./fixtures/app-server";
import { signIn } from "./fixtures/login";
import { createOpsDatabase, makeRep, type TOpsDatabase } from "./fixtures/ops-database";
import { startTcpProxy, type TTcpProxy } from "./fixtures/tcp-proxy";

const secret = newSecret();
let database: TOpsDatabase;
let proxy: TTcpProxy;
let server: TAppServer;
let cookie: string;
let leadId: number;

beforeAll(async () => {
  database = await createOpsDatabase("pilot_crm_ops_outage");
  const rep = await makeRep();
  leadId = (await makeLead()).id;
  proxy = await startTcpProxy(opsPort(3), {
    host: "127.0.0.1",
    port: Number(new URL(database.url).port || 5432),
  });
  const viaProxy = new URL(database.url);
  viaProxy.host = `127.0.0.1:${proxy.port}`;
  server = await startAppServer({
    port: opsPort(2),
    env: { DATABASE_URL: viaProxy.toString(), LEAD_WEBHOOK_SECRET: secret },
  });
  cookie = (await signIn(server.url, rep.email, rep.password)).cookie;
});

afterAll(async () => {
  await server?.stop();
  await proxy?.close();
  await database?.drop();
});

// A hang would otherwise wait for jest's own timeout; this names it.
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
const postJson = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
const sendWebhook = (w: ReturnType<typeof signedRequest>) =>
  fetch(`${server.url}/api/webhooks/leads`, {
    method: "POST",
    headers: w.request.headers,
    body: w.raw,
    signal: AbortSignal.timeout(30_000),
  });

/** The id Next gave a server action in this build (what a page's form posts to). */
function actionId(exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in this build`);
  return found[0];
}

/** Calls a server action as the browser does: POST to its page with Next-Action and the encoded arguments. */
const callAction = (page: string, id: string, args: unknown[]) =>
  fetch(`${server.url}${page}`, {
    method: "POST",
    headers: { cookie, "next-action": id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: server.url },
    body: JSON.stringify(args),
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });

async function expectOutageAnswers(webhook: ReturnType<typeof signedRequest>) {
  const ready = await get("/api/health");
  expect(ready.status).toBe(503);
  expect(ready.headers.get("retry-after")).toBe("5");
  expect((await get("/api/health/live")).status).toBe(200);

  const page = await get("/admin/crm", { cookie });
  expect(page.status).toBe(503);
  expect(page.headers.get("retry-after")).toBe("5");
  // Next sends the error shell; app/error.tsx renders the friendly text in the browser from this digest.
  expect(await page.text()).toContain(UNAVAILABLE_DIGEST);
  expect((await get("/login", { cookie })).status).toBe(503);

  const claim = await postJson(`/admin/crm/assign-lead/${leadId}`, {});
  expect(claim.status).toBe(503);
  expect(claim.headers.get("retry-after")).toBe("5");
  expect((await claim.json()).error.code).toBe("UNAVAILABLE");

  // A form's server action: 503 with Retry-After; Next's client still reads the result, so the
  // form shows the message.
  const action = await callAction("/admin/crm/leads", actionId("claimLeadAction"), [null, { lead_id: leadId }]);
  expect(action.status).toBe(503);
  expect(action.headers.get("retry-after")).toBe("5");
  expect(action.headers.get("content-type")).toContain("text/x-component");
  expect(await action.text()).toContain("The database is unavailable; try again shortly.");

  const refused = await sendWebhook(webhook);
  expect(refused.status).toBe(503);
  expect(refused.headers.get("retry-after")).toBeTruthy();
}

it("answers 503 while the database is down or unreachable, and serves again when it returns", async () => {
  expect((await get("/admin/crm", { cookie })).status).toBe(200);
  const webhook = signedRequest(leadEvent("load_plan"), { secret });

  await proxy.cut("refuse");
  await expectOutageAnswers(webhook);

  // Packets dropped: connections never answer. Answers still come, after the connect timeout.
  await proxy.cut("blackhole");
  await expectOutageAnswers(webhook);

  await proxy.restore();
  expect((await get("/api/health")).status).toBe(200);
  expect((await get("/admin/crm", { cookie })).status).toBe(200);
  expect((await postJson(`/admin/crm/assign-lead/${leadId}`, {})).status).toBe(200);
  // The sender retries the refused event with the same webhook-id: accepted once, and a replay
  // answers the same without a second lead.
  const accepted = await sendWebhook(webhook);
  expect(accepted.status).toBe(202);
  const replay = await sendWebhook(webhook);
  expect(await replay.json()).toEqual(await accepted.json());

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query<{ leads: number; receipts: number }>(
    `SELECT (SELECT count(*)::int FROM sales_leads l JOIN companies c ON c.id = l.company_id WHERE c.external_id = $1) AS leads,
            (SELECT count(*)::int FROM webhook_receipts WHERE webhook_id = $2) AS receipts`,
    [(JSON.parse(webhook.raw) as { company: { external_id: string } }).company.external_id, webhook.id],
  );
  await client.end();
  expect(rows[0]).toEqual({ leads: 1, receipts: 1 });

  // Same process throughout, and its outage was logged with the cause's stack.
  expect(server.output()).not.toContain('"msg":"shutting down');
  const outage = server.logLines().find((l) => l.msg === "database unavailable") as
    { err?: { stack?: string } } | undefined;
  expect(outage?.err?.stack).toContain("\n    at ");
});

it("keeps every webhook answered 202 across an outage that starts mid-stream, once each", async () => {
  type TEvent = ReturnType<typeof signedRequest>;
  const answers = new Map<string, number[]>();
  const events: TEvent[] = [];
  let stop = false;
  let refusedDuringOutage = 0;
  let outage = false;
  const send = async (e: TEvent) => {
    let status = 0;
    try {
      status = (await sendWebhook(e)).status;
    } catch {
      status = 0; // never expected: counted below
    }
    answers.set(e.id, [...(answers.get(e.id) ?? []), status]);
    if (outage && status !== 202) refusedDuringOutage++;
    return status;
  };
  // Six senders, back to back; half of the events are for one company (its lead consolidates).
  const company = companyFor();
  const loops = Array.from({ length: 6 }, async (_, i) => {
    while (!stop) {
      const e = signedRequest(i % 2 ? leadEvent("quote", { company }) : leadEvent("load_plan"), { secret });
      events.push(e);
      await send(e);
    }
  });
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise((r) => setTimeout(r, 20));
  };

  await until(() => answers.size >= 30);
  outage = true;
  await proxy.cut("refuse");
  await until(() => refusedDuringOutage >= 12);
  await proxy.restore();
  outage = false;
  // Serving again: 20 more events accepted after the database came back.
  const acceptedCount = () => [...answers.values()].filter((a) => a.includes(202)).length;
  const before = acceptedCount();
  await until(() => acceptedCount() >= before + 20);
  stop = true;
  await Promise.all(loops);

  const accepted = events.filter((e) => answers.get(e.id)?.includes(202)).map((e) => e.id);
  const refused = events.filter((e) => !answers.get(e.id)?.includes(202));
  expect(refused.length).toBeGreaterThanOrEqual(12);
  // Only 202 or a 503 with Retry-After: never a 500, never a dropped connection.
  expect([...answers.values()].flat().filter((s) => s !== 202 && s !== 503)).toEqual([]);

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const count = async (ids: string[]) =>
    (
      await client.query<{ receipts: number; activities: number; ids_not_once: number }>(
        `SELECT (SELECT count(*)::int FROM webhook_receipts WHERE webhook_id = ANY($1)) AS receipts,
                (SELECT count(*)::int FROM lead_activities WHERE webhook_id = ANY($1)) AS activities,
                (SELECT count(*)::int FROM unnest($1::text[]) AS sent(id)
                  WHERE (SELECT count(*) FROM lead_activities a WHERE a.webhook_id = sent.id) <> 1) AS ids_not_once`,
        [ids],
      )
    ).rows[0];
  try {
    // Everything answered 202 is there, once.
    expect(await count(accepted)).toEqual({ receipts: accepted.length, activities: accepted.length, ids_not_once: 0 });
    // The senders retry what was refused (same id, same body): each is accepted, still once.
    for (const e of refused) expect(await send(e)).toBe(202);
    const all = events.map((e) => e.id);
    expect(await count(all)).toEqual({ receipts: all.length, activities: all.length, ids_not_once: 0 });
  } finally {
    await client.end();
  }
});
