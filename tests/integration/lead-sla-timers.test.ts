// Speed-to-lead timers (lib/sla/) on the job runner: a pool lead's alert and escalation fire once
// each, also with two runners on one database, never after a claim; the sweep catches timers whose
// job was never sent; auto-return is off by default and returns only untouched claimed leads;
// the settings are validated. In a database of this file's own: the timers read company-wide
// settings, and the sweep looks at every pool lead.
import pg from "pg";
import { db } from "@/lib/db";
import { createJobRunner, type TJobRunner } from "@/lib/jobs/job-runner";
import { runnableJobKinds } from "@/lib/jobs/job-handlers";
import { putCompanySetting } from "@/lib/kernel/company-settings";
import { LIVE_CHANNEL, type TLiveEvent } from "@/lib/live/publish-live-event";
import { claimLead } from "@/lib/leads/claim-lead";
import { fireLeadSlaTimer } from "@/lib/sla/fire-lead-sla-timer";
import { scheduleLeadSla } from "@/lib/sla/schedule-lead-sla";
import { sweepLeadSlaTimers } from "@/lib/sla/sweep-lead-sla-timers";
import { returnIdleLeads } from "@/lib/sla/return-idle-leads";
import { setSlaSettings } from "@/lib/sla/set-sla-settings";
import { listWaitingLeads } from "@/lib/sla/list-waiting-leads";
import { AppError } from "@/lib/errors";
import { makeCompany, makeLead, makeUser } from "../fixtures/factories";
import { makeTerritory } from "../fixtures/calls";
import { dropJobSchema, eventually, testJobSchema } from "../fixtures/jobs";
import { runInOwnDatabase } from "../fixtures/own-database";
import { startFakeSendgrid, type TFakeSendgrid } from "../fixtures/fake-sendgrid";
import { useFakeSendgrid } from "../fixtures/email";

runInOwnDatabase("pilot_crm_test_sla");

const MINUTE = 60_000;
const schema = testJobSchema();
const savedSchema = process.env.JOB_SCHEMA;
let listener: pg.Client;
const notices: Extract<TLiveEvent, { kind: "user.notice" }>[] = [];
const events: TLiveEvent[] = [];

beforeAll(async () => {
  // Senders (scheduleLeadSla) and runners use this file's own pg-boss schema.
  process.env.JOB_SCHEMA = schema;
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  // The own database is dropped when the file ends, which ends this connection too.
  listener.on("error", () => {});
  listener.on("notification", (n) => {
    const e = JSON.parse(n.payload ?? "{}") as TLiveEvent;
    events.push(e);
    if (e.kind === "user.notice") notices.push(e);
  });
  await listener.query(`LISTEN ${LIVE_CHANNEL}`);
});
afterAll(async () => {
  await listener.end();
  if (savedSchema === undefined) delete process.env.JOB_SCHEMA;
  else process.env.JOB_SCHEMA = savedSchema;
  await dropJobSchema(schema);
});

async function team() {
  const texas = await makeUser({ name: "Tex Rep" });
  const california = await makeUser({ name: "Cali Rep" });
  const roamer = await makeUser({ name: "Roaming Rep" });
  await makeUser({ name: "Gone Rep", active: false });
  const manager = await makeUser({ role: "super_admin", name: "Boss" });
  await makeTerritory(["TX", "OK"], [texas.user.id]);
  await makeTerritory(["CA"], [california.user.id]);
  return { texas, california, roamer, manager };
}

const sla = (leadId: number) => db.slaEvent.findMany({ where: { leadId }, orderBy: { kind: "asc" } });
const timeline = (leadId: number, type: string) => db.leadEvent.count({ where: { leadId, type } });
const noticesFor = (leadId: number) => notices.filter((n) => n.leadId === leadId);
/** NOTIFY arrives after the commit, asynchronously: wait for the expected count, then look again. */
async function settledNotices(leadId: number, n: number) {
  await eventually(async () => noticesFor(leadId).length >= n);
  await db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, '{"kind":"marker"}')`;
  await eventually(async () => events.some((e) => (e as { kind: string }).kind === "marker"));
  events.length = 0;
  return noticesFor(leadId);
}

describe("alert and escalation", () => {
  let people: Awaited<ReturnType<typeof team>>;
  beforeAll(async () => {
    people = await team();
  });

  it("queues the timers of leads that arrive together in one settings read and one insert", async () => {
    // Claimed leads (the pool's sweep, tested below, must not see them); their timers lie minutes ahead.
    const rep = await makeUser({ name: "Batch Rep" });
    const company = await makeCompany({ name: "Batch Hauling" });
    const leads = await Promise.all([0, 1, 2].map(() => makeLead({ companyId: company.id, status: "assigned", assignedAdminId: rep.user.id })));
    const queries = jest.spyOn(pg.Client.prototype, "query");
    // As the webhook's batch answers them: every new lead asks in the same turn of the event loop.
    await Promise.all(leads.map((l) => scheduleLeadSla({ id: l.id, createdAt: l.createdAt })));
    const texts = queries.mock.calls.map(([q]) => String((q as { text?: string }).text ?? q));
    queries.mockRestore();
    expect(texts.filter((t) => /INSERT INTO \S+\.job\b/.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /FROM "public"\."settings"/.test(t))).toHaveLength(1);
    const queued = await db.$queryRawUnsafe<{ name: string; n: number }[]>(
      `SELECT name, count(*)::int AS n FROM "${schema}".job WHERE (data->>'leadId')::int = ANY($1) GROUP BY name ORDER BY name`,
      leads.map((l) => l.id),
    );
    expect(queued).toEqual([
      { name: "lead-sla-alert", n: 3 },
      { name: "lead-sla-escalate", n: 3 },
    ]);
  });

  it("fire once each for a lead left unclaimed, with two runners working the same queues", async () => {
    const company = await makeCompany({ name: "Lone Star Heavy" });
    const lead = await makeLead({ companyId: company.id, states: ["TX", "NM"], createdAt: new Date(Date.now() - 20 * MINUTE) });
    // Queued twice (a retried ingestion): the `short` queue keeps one waiting job per lead and timer.
    await scheduleLeadSla({ id: lead.id, createdAt: lead.createdAt });
    // Both timers in one statement (one round trip and one commit per new lead on the ingest path).
    const queries = jest.spyOn(pg.Client.prototype, "query");
    await scheduleLeadSla({ id: lead.id, createdAt: lead.createdAt });
    const inserts = queries.mock.calls.filter(([q]) => /INSERT INTO \S+\.job\b/.test(String((q as { text?: string }).text ?? q)));
    queries.mockRestore();
    expect(inserts).toHaveLength(1);
    const all = runnableJobKinds();
    const kinds = { "lead-sla-alert": all["lead-sla-alert"], "lead-sla-escalate": all["lead-sla-escalate"] };
    const options = { schema, kinds, pollingIntervalSeconds: 0.5 };
    const runners: TJobRunner[] = [await createJobRunner(options), await createJobRunner(options)];
    try {
      const { rows: queued } = await runners[0].boss.getDb().executeSql(`SELECT name, count(*)::int AS n FROM "${schema}".job WHERE data->>'leadId' = $1 GROUP BY name ORDER BY name`, [String(lead.id)]);
      expect(queued).toEqual([
        { name: "lead-sla-alert", n: 1 },
        { name: "lead-sla-escalate", n: 1 },
      ]);
      await eventually(async () => (await sla(lead.id)).length === 2);
      const states = async () =>
        (await runners[0].boss.getDb().executeSql(`SELECT state FROM "${schema}".job WHERE data->>'leadId' = $1 ORDER BY state`, [String(lead.id)])).rows.map((r: { state: string }) => r.state);
      await eventually(async () => (await states()).every((st: string) => st === "completed"));
      // The jobs delivered again (as after a crash), to both runners: nothing more happens.
      for (const [i, runner] of runners.entries()) {
        await runner.boss.send("lead-sla-alert", { leadId: lead.id }, { singletonKey: `again-${i}` });
        await runner.boss.send("lead-sla-escalate", { leadId: lead.id }, { singletonKey: `again-${i}` });
      }
      const again = await Promise.all([
        fireLeadSlaTimer({ leadId: lead.id, kind: "alert" }),
        fireLeadSlaTimer({ leadId: lead.id, kind: "alert" }),
        fireLeadSlaTimer({ leadId: lead.id, kind: "escalation" }),
        fireLeadSlaTimer({ leadId: lead.id, kind: "escalation" }),
      ]);
      expect(again.map((r) => r.fired)).toEqual([false, false, false, false]);
      await eventually(async () => (await states()).length === 6 && (await states()).every((st: string) => st === "completed"));
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
    }

    const fired = await sla(lead.id);
    expect(fired.map((e) => [e.kind, e.notified])).toEqual([
      ["alert", [people.texas.user.id]],
      ["escalation", [people.manager.user.id]],
    ]);
    expect(await timeline(lead.id, "sla_alerted")).toBe(1);
    expect(await timeline(lead.id, "sla_escalated")).toBe(1);
    // The two timers ran on two runners at once: their notices arrive in either order.
    const told = await settledNotices(lead.id, 2);
    expect(told.map((n) => [n.userId, n.title]).sort((a, b) => String(a[1]).localeCompare(String(b[1])))).toEqual([
      [people.manager.user.id, "Unclaimed for 15 min: Lone Star Heavy"],
      [people.texas.user.id, "Waiting 5 min: Lone Star Heavy"],
    ]);
  });

  it("remind every active rep when no territory covers the lead's states", async () => {
    const lead = await makeLead({ states: ["ME"], createdAt: new Date(Date.now() - 6 * MINUTE) });
    const result = await fireLeadSlaTimer({ leadId: lead.id, kind: "alert" });
    expect(result).toMatchObject({ fired: true });
    const reps = await db.user.findMany({ where: { role: "admin", active: true }, select: { id: true }, orderBy: { id: "asc" } });
    expect((await sla(lead.id))[0].notified).toEqual(reps.map((r) => r.id));
    expect((await settledNotices(lead.id, reps.length)).map((n) => n.userId)).toEqual(reps.map((r) => r.id));
  });

  it("do nothing once the lead is claimed, and nothing before their minute", async () => {
    const lead = await makeLead({ states: ["TX"], createdAt: new Date(Date.now() - 30 * MINUTE) });
    await claimLead(people.texas.actor, { lead_id: lead.id });
    expect(await fireLeadSlaTimer({ leadId: lead.id, kind: "alert" })).toMatchObject({ fired: false, reason: "not_pending" });
    expect(await fireLeadSlaTimer({ leadId: lead.id, kind: "escalation" })).toMatchObject({ fired: false, reason: "not_pending" });
    expect(await sweepLeadSlaTimers()).toEqual({ fired: 0 });

    const fresh = await makeLead({ states: ["TX"], createdAt: new Date(Date.now() - 2 * MINUTE) });
    expect(await fireLeadSlaTimer({ leadId: fresh.id, kind: "alert" })).toMatchObject({ fired: false, reason: "not_due" });
    expect(await sla(lead.id)).toEqual([]);
    expect(await sla(fresh.id)).toEqual([]);
    await settledNotices(lead.id, 0);
    expect(noticesFor(lead.id)).toEqual([]);
    expect(noticesFor(fresh.id)).toEqual([]);
    await db.salesLead.update({ where: { id: fresh.id }, data: { status: "lost" } });
  });

  it("are fired by the sweep when their jobs were never sent, once, and not for leads from before the timers", async () => {
    const missed = await makeLead({ states: ["OK"], createdAt: new Date(Date.now() - 16 * MINUTE) });
    const alertOnly = await makeLead({ states: ["OK"], createdAt: new Date(Date.now() - 7 * MINUTE) });
    const ancient = await makeLead({ states: ["OK"], createdAt: new Date(Date.now() - 5 * 60 * MINUTE) });
    expect(await sweepLeadSlaTimers()).toEqual({ fired: 3 });
    expect(await sweepLeadSlaTimers()).toEqual({ fired: 0 });
    expect((await sla(missed.id)).map((e) => e.kind)).toEqual(["alert", "escalation"]);
    expect((await sla(alertOnly.id)).map((e) => e.kind)).toEqual(["alert"]);
    expect(await sla(ancient.id)).toEqual([]);
    await db.salesLead.updateMany({ where: { id: { in: [missed.id, alertOnly.id, ancient.id] } }, data: { status: "lost" } });
  });

  it("email the manager through the outbox path when SendGrid is set up, once", async () => {
    const fake: TFakeSendgrid = await startFakeSendgrid();
    const saved = { ...process.env };
    useFakeSendgrid(fake);
    try {
      const lead = await makeLead({ states: ["TX"], createdAt: new Date(Date.now() - 20 * MINUTE) });
      expect(await fireLeadSlaTimer({ leadId: lead.id, kind: "escalation" })).toMatchObject({ fired: true, emailed: 1 });
      expect(await fireLeadSlaTimer({ leadId: lead.id, kind: "escalation" })).toMatchObject({ fired: false, reason: "already", emailed: 1 });
      const mails = await db.emailMessage.findMany({ where: { toEmail: people.manager.user.email.toLowerCase() } });
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ leadId: null, senderId: people.manager.user.id, status: "sent", subject: expect.stringContaining("Unclaimed for 15 min") });
      expect(fake.requests).toHaveLength(1);
      await db.salesLead.update({ where: { id: lead.id }, data: { status: "lost" } });
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
      await fake.close();
    }
  });
});

describe("waiting leads", () => {
  it("lists the pool oldest first with what the timers did", async () => {
    const { actor } = await makeUser();
    const pending = await db.salesLead.findMany({ where: { status: "pending" }, select: { id: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    const oldest = await makeLead({ states: ["TX"], createdAt: new Date(Date.now() - 48 * 60 * MINUTE) });
    await db.slaEvent.create({ data: { leadId: oldest.id, kind: "alert", notified: [] } });
    await db.slaEvent.create({ data: { leadId: oldest.id, kind: "escalation", notified: [] } });
    const list = await listWaitingLeads(actor, { limit: 50 });
    expect(list.total).toBe(pending.length + 1);
    expect(list.rows[0]).toMatchObject({ id: oldest.id, sla: "escalated", states: ["TX"] });
    expect(list.rows.map((r) => r.id)).toEqual([oldest.id, ...pending.map((p) => p.id)].slice(0, 50));
    expect(list).toMatchObject({ alertMinutes: 5, escalateMinutes: 15 });
    await db.salesLead.update({ where: { id: oldest.id }, data: { status: "lost" } });
  });
});

describe("auto-return", () => {
  it("is off by default; when on it returns only claimed leads untouched for the hours, with a timeline entry", async () => {
    const { actor: rep, user } = await makeUser();
    const hoursAgo = (h: number) => new Date(Date.now() - h * 60 * MINUTE);
    const idle = await makeLead({ status: "assigned", assignedAdminId: user.id, states: ["TX"] });
    const recent = await makeLead({ status: "assigned", assignedAdminId: user.id, states: ["TX"] });
    const worked = await makeLead({ status: "in_progress", assignedAdminId: user.id, states: ["TX"] });
    await db.salesLead.update({ where: { id: idle.id }, data: { assignedAt: hoursAgo(5) } });
    await db.salesLead.update({ where: { id: recent.id }, data: { assignedAt: hoursAgo(1) } });
    await db.salesLead.update({ where: { id: worked.id }, data: { assignedAt: hoursAgo(9) } });

    expect(await returnIdleLeads()).toEqual({ returned: [] });
    expect((await db.salesLead.findUniqueOrThrow({ where: { id: idle.id } })).status).toBe("assigned");

    await db.$transaction((tx) => putCompanySetting(tx, "slaTimers", { alertMinutes: 5, escalateMinutes: 15, autoReturnHours: 4 }));
    try {
      expect(await returnIdleLeads()).toEqual({ returned: [idle.id] });
      expect(await returnIdleLeads()).toEqual({ returned: [] });
    } finally {
      await db.$transaction((tx) => putCompanySetting(tx, "slaTimers", { alertMinutes: 5, escalateMinutes: 15, autoReturnHours: null }));
    }
    expect(await db.salesLead.findUniqueOrThrow({ where: { id: idle.id } })).toMatchObject({ status: "pending", assignedAdminId: null, assignedAt: null });
    expect(await db.salesLead.findUniqueOrThrow({ where: { id: recent.id } })).toMatchObject({ status: "assigned", assignedAdminId: user.id });
    expect(await db.salesLead.findUniqueOrThrow({ where: { id: worked.id } })).toMatchObject({ status: "in_progress", assignedAdminId: user.id });
    const entry = await db.leadEvent.findFirstOrThrow({ where: { leadId: idle.id, type: "auto_returned" } });
    expect(entry).toMatchObject({ actorId: null, fromStatus: "assigned", toStatus: "pending", data: { from_admin_id: rep.id, idle_hours: 4 } });
    expect((await settledNotices(idle.id, 1)).map((n) => n.userId)).toEqual([rep.id]);
  });
});

describe("settings", () => {
  it("are the manager's, validated as a whole, and audited", async () => {
    const { actor: rep } = await makeUser();
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const good = { alertMinutes: "3", escalateMinutes: "10", autoReturnHours: "", businessDays: ["1", "2", "3", "4", "5"], businessStart: "08:00", businessEnd: "18:00" };
    await expect(setSlaSettings.fromRequest(rep, good)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const refused = async (input: Record<string, unknown>) => {
      const err = await setSlaSettings.fromRequest(manager, { ...good, ...input }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      return (err as AppError).issues?.map((i) => `${i.path}: ${i.message}`);
    };
    expect(await refused({ escalateMinutes: "3" })).toEqual(["escalateMinutes: Escalate after the reps' alert, not before"]);
    expect(await refused({ alertMinutes: "0" })).toEqual(["alertMinutes: At least 1 minute"]);
    expect(await refused({ autoReturnHours: "0" })).toEqual(["autoReturnHours: At least 1 hour"]);
    expect(await refused({ businessEnd: "07:00" })).toEqual(["businessEnd: The day ends after it starts"]);
    expect(await refused({ businessStart: "8am" })).toEqual(["businessStart: Use HH:MM (24-hour)"]);
    expect(await refused({ businessDays: undefined })).toEqual(["businessDays: Pick at least one working day"]);

    const saved = await setSlaSettings.fromRequest(manager, { ...good, autoReturnHours: "24", businessDays: ["5", "1", "1"] });
    expect(saved).toEqual({
      slaTimers: { alertMinutes: 3, escalateMinutes: 10, autoReturnHours: 24 },
      businessHours: { days: [1, 5], start: "08:00", end: "18:00" },
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "settings.changed", targetId: "speed_to_lead" }, orderBy: { id: "desc" } });
    expect(audit.actorId).toBe(manager.id);
    await setSlaSettings.fromRequest(manager, { ...good, alertMinutes: "5", escalateMinutes: "15" });
  });
});
