// GET /api/events over real HTTP on real PostgreSQL: who hears which lead change, resume from
// Last-Event-ID (a forged one included), the listener's reconnect, and the transaction rule.
import { db } from "@/lib/db";
import { GET } from "@/app/api/events/route";
import { assignLead } from "@/lib/leads/assign-lead";
import { claimLead } from "@/lib/leads/claim-lead";
import { convertLead } from "@/lib/leads/convert-lead";
import { markLeadLost } from "@/lib/leads/mark-lead-lost";
import { releaseLead } from "@/lib/leads/release-lead";
import { reopenLead } from "@/lib/leads/reopen-lead";
import { createManualLead } from "@/lib/leads/create-manual-lead";
import { createSalesLead } from "@/lib/ingest/create-sales-lead";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { deleteOldLiveEvents } from "@/lib/live/delete-old-live-events";
import { stopLiveListener } from "@/lib/live/live-listener";
import type { TClientLiveEvent } from "@/lib/live/client-live-event";
import { makeCompany, makeLead, makeUser, uid } from "../fixtures/factories";
import { companyFor, EVENT_DATA } from "../fixtures/lead-webhook";
import { sessionCookie } from "../fixtures/route-request";
import { serveRoute } from "../fixtures/route-server";
import { openSse, type TSseEvent, type TSseStream } from "../fixtures/sse-client";

let server: Awaited<ReturnType<typeof serveRoute>>;
const streams: TSseStream[] = [];

beforeAll(async () => {
  server = await serveRoute(GET);
});
afterAll(async () => {
  streams.forEach((s) => s.close());
  await stopLiveListener();
  await server.close();
});

const data = (e: TSseEvent) => JSON.parse(e.data) as TClientLiveEvent;
const about = (leadId: number, kind?: string) => (e: TSseEvent) =>
  e.event === "message" && data(e).leadId === leadId && (!kind || data(e).kind === kind);

async function connect(userId: number, headers: Record<string, string> = {}): Promise<TSseStream> {
  const s = await openSse(`${server.url}/api/events`, { cookie: await sessionCookie(userId), ...headers });
  streams.push(s);
  await s.next((e) => e.event === "ready");
  return s;
}

async function repIn(states: string[]) {
  const rep = await makeUser();
  await db.territory.create({ data: { name: `T ${uid()}`, states, members: { create: { userId: rep.user.id } } } });
  return rep;
}

/** A notice to `userId` published after everything before it: once it arrives, all earlier events have too. */
async function marker(userId: number, stream: TSseStream): Promise<void> {
  const title = `marker ${uid()}`;
  await db.$transaction((tx) => publishLiveEvent(tx, { kind: "user.notice", userId, leadId: null, title, body: "" }));
  await stream.next((e) => e.event === "message" && (data(e) as { title?: string }).title === title);
}

async function latestLiveEventId(): Promise<bigint> {
  const [row] = await db.$queryRaw<{ id: bigint }[]>`SELECT coalesce(max(id), 0) AS id FROM live_events`;
  return row.id;
}

it("answers 401 JSON without a session, and opens a text/event-stream with one", async () => {
  const anonymous = await openSse(`${server.url}/api/events`);
  expect(anonymous.status).toBe(401);
  expect(anonymous.headers["content-type"]).toMatch(/application\/json/);
  expect(JSON.parse(anonymous.body)).toEqual({ error: { code: "UNAUTHORIZED", message: expect.any(String) } });

  const { user } = await makeUser();
  const s = await connect(user.id);
  expect(s.status).toBe(200);
  expect(s.headers["content-type"]).toMatch(/^text\/event-stream/);
  expect(s.headers["cache-control"]).toMatch(/no-cache/);
});

it("tells a webhook lead to the manager and the rep whose territory it touches, not to a rep elsewhere", async () => {
  const { user: manager } = await makeUser({ role: "super_admin" });
  const repA = await repIn(["TX"]);
  const repB = await repIn(["ME"]);
  const [m, a, b] = await Promise.all([connect(manager.id), connect(repA.user.id), connect(repB.user.id)]);

  const lead = await createSalesLead({ source: "load_plan", company: companyFor(uid(), { state: "TX" }), leadData: EVENT_DATA.load_plan } as never);
  const seenByA = await a.next(about(lead.leadId, "lead.created"));
  expect(seenByA.id).toMatch(/^\d+$/);
  expect(data(seenByA)).toEqual({ kind: "lead.created", leadId: lead.leadId, assignedAdminId: null, assignedAdminName: null, actorId: null });
  await m.next(about(lead.leadId, "lead.created"));

  await claimLead(repA.actor, { lead_id: lead.leadId });
  const claimed = data(await m.next(about(lead.leadId, "lead.claimed")));
  expect(claimed).toMatchObject({ assignedAdminId: repA.user.id, assignedAdminName: repA.user.name, actorId: repA.user.id });
  await a.next(about(lead.leadId, "lead.claimed"));

  await marker(repB.user.id, b);
  expect(b.events.filter(about(lead.leadId))).toEqual([]);
});

it("tells a rep about leads it holds or held, outside its territories too, and the rest of the lifecycle", async () => {
  const { actor: manager } = await makeUser({ role: "super_admin" });
  const repB = await repIn(["ME"]);
  const repC = await repIn(["VT"]);
  const [b, c] = await Promise.all([connect(repB.user.id), connect(repC.user.id)]);
  const lead = await makeLead({ states: ["TX"] });

  await assignLead(manager, { lead_id: lead.id, admin_id: repB.user.id });
  expect(data(await b.next(about(lead.id, "lead.assigned")))).toMatchObject({ assignedAdminId: repB.user.id });
  await assignLead(manager, { lead_id: lead.id, admin_id: repC.user.id });
  // B hears its lead go to C; C hears it arrive.
  expect(data(await b.next((e) => about(lead.id, "lead.assigned")(e) && (data(e) as { assignedAdminId?: number }).assignedAdminId === repC.user.id))).toMatchObject({ assignedAdminName: repC.user.name });
  await c.next(about(lead.id, "lead.assigned"));
  await releaseLead(repC.actor, { lead_id: lead.id });
  await c.next(about(lead.id, "lead.released"));
  await claimLead(repC.actor, { lead_id: lead.id });
  await convertLead(repC.actor, { lead_id: lead.id, conversion_value: "900" });
  await c.next(about(lead.id, "lead.converted"));

  const second = await makeLead({ states: ["VT"], status: "assigned", assignedAdminId: repC.user.id });
  await markLeadLost(repC.actor, { lead_id: second.id, reason: "No budget" });
  await c.next(about(second.id, "lead.lost"));
  await reopenLead(manager, { lead_id: second.id });
  await c.next(about(second.id, "lead.reopened"));

  const company = await makeCompany({ state: "VT" });
  const manual = await createManualLead(manager, { company_id: company.id, description: "Called in", origin_state: "VT" });
  await c.next(about(manual.id, "lead.created"));

  // B held the first lead once; it hears nothing of the second or of the first after it left.
  await marker(repB.user.id, b);
  expect(b.events.filter(about(second.id))).toEqual([]);
  expect(b.events.filter(about(lead.id, "lead.converted"))).toEqual([]);
});

it("publishes a conversion that arrives by webhook, and nothing for a replayed webhook", async () => {
  const { user: manager } = await makeUser({ role: "super_admin" });
  const m = await connect(manager.id);
  const company = companyFor(uid(), { state: "TX" });
  const first = await createSalesLead({ source: "quote", company, leadData: EVENT_DATA.quote } as never, { webhookId: `msg_${uid()}`, bodySha256: "a".repeat(64) });
  await m.next(about(first.leadId, "lead.created"));
  const order = await createSalesLead({ source: "order_placed", company, leadData: EVENT_DATA.order_placed } as never);
  expect(order).toMatchObject({ leadId: first.leadId, status: "converted" });
  await m.next(about(first.leadId, "lead.converted"));
  const before = await latestLiveEventId();
  const webhookId = `msg_${uid()}`;
  await createSalesLead({ source: "quote", company: companyFor(), leadData: EVENT_DATA.quote } as never, { webhookId, bodySha256: "b".repeat(64) });
  const afterFirst = await db.liveEvent.count({ where: { id: { gt: before } } });
  await createSalesLead({ source: "quote", company: companyFor(), leadData: EVENT_DATA.quote } as never, { webhookId, bodySha256: "b".repeat(64) });
  expect(await db.liveEvent.count({ where: { id: { gt: before } } })).toBe(afterFirst);
});

it("resumes from Last-Event-ID with only what the user may see", async () => {
  const repA = await repIn(["TX"]);
  const first = await connect(repA.user.id);
  const lead1 = await makeLead({ states: ["TX"] });
  await claimLead(repA.actor, { lead_id: lead1.id });
  const lastSeen = (await first.next(about(lead1.id, "lead.claimed"))).id!;
  first.close();

  // While A is away: a TX lead arrives and is claimed by someone else; an ME lead is claimed; a notice for A, one for B.
  const other = await makeUser();
  const lead2 = await createManualLead(other.actor, { company_id: (await makeCompany()).id, description: "Away", origin_state: "TX" });
  const lead3 = await makeLead({ states: ["ME"] });
  await claimLead(other.actor, { lead_id: lead3.id });
  await db.$transaction(async (tx) => {
    await publishLiveEvent(tx, { kind: "user.notice", userId: repA.user.id, leadId: lead2.id, title: "For A", body: "Follow up" });
    await publishLiveEvent(tx, { kind: "user.notice", userId: other.user.id, leadId: null, title: "For someone else", body: "" });
  });

  const resumed = await connect(repA.user.id, { "last-event-id": lastSeen });
  const replayed = resumed.events.filter((e) => e.event === "message").map(data);
  expect(replayed).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ kind: "lead.created", leadId: lead2.id }),
      expect.objectContaining({ kind: "user.notice", title: "For A", body: "Follow up", leadId: lead2.id }),
    ]),
  );
  expect(replayed.filter((e) => e.leadId === lead1.id || e.leadId === lead3.id)).toEqual([]);
  expect(replayed.filter((e) => e.kind === "user.notice" && e.title !== "For A")).toEqual([]);
  // Replayed ids are newer than the one given, in order.
  const ids = resumed.events.filter((e) => e.id).map((e) => BigInt(e.id!));
  expect(ids.every((id, i) => id > BigInt(lastSeen) && (i === 0 || id > ids[i - 1]))).toBe(true);
});

it("a forged Last-Event-ID reveals nothing the user may not see", async () => {
  const repA = await repIn(["TX"]);
  const repB = await repIn(["ME"]);
  const start = await latestLiveEventId();
  const texas = await makeLead({ states: ["TX"] });
  await claimLead(repA.actor, { lead_id: texas.id });
  await db.$transaction((tx) =>
    publishLiveEvent(tx, { kind: "user.notice", userId: repA.user.id, leadId: texas.id, title: "Secret for A", body: "" }),
  );
  const end = await latestLiveEventId();

  for (const forged of [String(start), String(start - 1n), "0", String(end + 1_000n), "abc", "-5", "1e3", "99999999999999999999"]) {
    const b = await connect(repB.user.id, { "last-event-id": forged });
    await marker(repB.user.id, b);
    const messages = b.events.filter((e) => e.event === "message").map(data);
    expect(messages.filter((e) => e.leadId === texas.id)).toEqual([]);
    expect(messages.filter((e) => e.kind === "user.notice" && !e.title.startsWith("marker "))).toEqual([]);
    // Whatever else it replayed is about leads B may see: in its territory or held by B.
    const leadIds = messages.filter((e) => e.kind !== "user.notice").map((e) => e.leadId!);
    const leads = await db.salesLead.findMany({ where: { id: { in: leadIds } }, select: { states: true, assignedAdminId: true } });
    expect(leads.filter((l) => !l.states.includes("ME") && l.assignedAdminId !== repB.user.id)).toEqual([]);
    b.close();
  }

  // The same resume point gives A its own lead and notice.
  const a = await connect(repA.user.id, { "last-event-id": String(start) });
  await a.next(about(texas.id, "lead.claimed"));
  await a.next((e) => e.event === "message" && (data(e) as { title?: string }).title === "Secret for A");
});

it("publishes only what commits", async () => {
  const before = await latestLiveEventId();
  const refused = await makeLead({ states: ["TX"], status: "converted" });
  const rep = await makeUser();
  await expect(claimLead(rep.actor, { lead_id: refused.id })).rejects.toMatchObject({ code: "CONFLICT" });
  await expect(
    db.$transaction(async (tx) => {
      await publishLiveEvent(tx, { kind: "user.notice", userId: rep.user.id, leadId: null, title: "never", body: "" });
      throw new Error("rolled back");
    }),
  ).rejects.toThrow("rolled back");
  const rows = await db.liveEvent.findMany({ where: { id: { gt: before } } });
  expect(rows.filter((r) => JSON.stringify(r.event).includes(`"leadId":${refused.id}`) || JSON.stringify(r.event).includes('"never"'))).toEqual([]);
});

it("keeps streaming after the listener's connection is killed, catching up on what committed meanwhile", async () => {
  const { user: manager } = await makeUser({ role: "super_admin" });
  const m = await connect(manager.id);
  const killed = await db.$queryRaw<{ ok: boolean }[]>`
    SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
    WHERE application_name = 'pilot-crm live listener' AND datname = current_database() AND pid <> pg_backend_pid()`;
  expect(killed.length).toBeGreaterThan(0);
  const lead = await makeLead({ states: ["TX"] });
  await claimLead((await makeUser()).actor, { lead_id: lead.id });
  await m.next(about(lead.id, "lead.claimed"), 20_000);
});

it("deletes live events older than a day (the cleanup job's handler)", async () => {
  const old = await db.liveEvent.create({ data: { event: { kind: "user.notice" }, createdAt: new Date(Date.now() - 25 * 3_600_000) } });
  const fresh = await db.liveEvent.create({ data: { event: { kind: "user.notice" } } });
  expect(await deleteOldLiveEvents()).toBeGreaterThanOrEqual(1);
  expect(await db.liveEvent.findUnique({ where: { id: old.id } })).toBeNull();
  expect(await db.liveEvent.findUnique({ where: { id: fresh.id } })).not.toBeNull();
});
