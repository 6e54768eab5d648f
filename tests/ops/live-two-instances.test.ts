// Live updates across instances and restarts: a stream on one production server hears a webhook
// lead that another server on the same database accepted, and a claim made there; a SIGTERM ends
// the open stream at once (the server still exits cleanly and in time); after the restart the
// client resumes with Last-Event-ID and gets what was published while its server was down.
import { db } from "@/lib/db";
import { companyFor, leadEvent, newSecret, signedRequest } from "../fixtures/lead-webhook";
import { uid } from "../fixtures/factories";
import { openSse, type TSseEvent, type TSseStream } from "@/scripts/lib/sse-client";
import { opsPort, startAppServer, type TAppServer } from "./fixtures/app-server";
import { signIn } from "./fixtures/login";
import { createOpsDatabase, makeRep, type TOpsDatabase } from "./fixtures/ops-database";

const secret = newSecret();
const nextAuthSecret = "live-two-instances-secret-0123456789abcdef";
let database: TOpsDatabase;
let env: Record<string, string>;
const servers: TAppServer[] = [];
const streams: TSseStream[] = [];

beforeAll(async () => {
  database = await createOpsDatabase("pilot_crm_ops_live");
  env = { DATABASE_URL: database.url, LEAD_WEBHOOK_SECRET: secret, NEXTAUTH_SECRET: nextAuthSecret, NEXTAUTH_URL: `http://127.0.0.1:${opsPort(6)}` };
  servers.push(...(await Promise.all([6, 7].map((offset) => startAppServer({ port: opsPort(offset), env })))));
});

afterAll(async () => {
  streams.forEach((s) => s.close());
  await Promise.all(servers.map((s) => s.stop()));
  await database?.drop();
});

const about = (leadId: number, kind: string) => (e: TSseEvent) => e.event === "message" && JSON.parse(e.data).leadId === leadId && JSON.parse(e.data).kind === kind;

async function webhook(baseUrl: string, state: string): Promise<number> {
  const { request } = signedRequest(leadEvent("location_share", { company: companyFor(uid(), { state }), data: { location: { city: "Austin", state } } }), { secret });
  const res = await fetch(`${baseUrl}/api/webhooks/leads`, { method: "POST", headers: request.headers, body: await request.text() });
  expect(res.status).toBe(202);
  return ((await res.json()) as { lead_id: number }).lead_id;
}

async function stream(baseUrl: string, cookie: string, lastEventId?: string): Promise<TSseStream> {
  const s = await openSse(`${baseUrl}/api/events`, { cookie, ...(lastEventId ? { "last-event-id": lastEventId } : {}) });
  streams.push(s);
  expect(s.status).toBe(200);
  await s.next((e) => e.event === "ready");
  return s;
}

it("a client on one instance hears a webhook lead and a claim made on the other, and resumes after a restart", async () => {
  const rep = await makeRep();
  await db.territory.create({ data: { name: `Live TX ${uid()}`, states: ["TX"], members: { create: { userId: rep.id } } } });
  const [one, two] = servers;
  const { cookie } = await signIn(one.url, rep.email, rep.password);

  // server.ts serves the stream outside Next's pipeline (lib/live/node-live-stream.ts): the same
  // session check, answers and headers as the route handler.
  const anonymous = await openSse(`${one.url}/api/events`);
  expect(anonymous.status).toBe(401);
  expect(JSON.parse(anonymous.body)).toEqual({ error: { code: "UNAUTHORIZED", message: expect.any(String) } });
  const onOne = await stream(one.url, cookie);
  expect(onOne.headers["content-type"]).toMatch(/^text\/event-stream/);
  expect(onOne.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(onOne.headers["x-content-type-options"]).toBe("nosniff");
  const leadId = await webhook(two.url, "TX");
  await onOne.next(about(leadId, "lead.created"));

  const claim = await fetch(`${two.url}/admin/crm/assign-lead/${leadId}`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: "{}" });
  expect(claim.status).toBe(200);
  const claimed = await onOne.next(about(leadId, "lead.claimed"));

  // SIGTERM with a stream open: the stream ends at once, so the server drains and exits 0.
  const ended = new Promise<void>((resolve) => onOne.onEnd(resolve));
  await one.stop();
  await ended;
  expect((await one.exited).code).toBe(0);

  // While it is down, another lead arrives through the other instance.
  const whileDown = await webhook(two.url, "TX");
  const restarted = await startAppServer({ port: opsPort(6), env });
  servers[0] = restarted;
  const resumed = await stream(restarted.url, cookie, claimed.id!);
  await resumed.next(about(whileDown, "lead.created"));
  expect(resumed.events.filter(about(leadId, "lead.claimed"))).toEqual([]);
});
