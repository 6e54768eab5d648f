// The follow-up reminder on the job runner: queued at the due time of a timed follow-up, it
// publishes one user.notice (pg_notify on the live channel) to the lead's owner at that time, and
// nothing when the follow-up changed before then, or when the job is delivered twice.
import pg from "pg";
import { db } from "@/lib/db";
import { addSalesAction } from "@/lib/leads/add-sales-action";
import { snoozeFollowUp } from "@/lib/leads/snooze-follow-up";
import { remindFollowUp } from "@/lib/follow-ups/remind-follow-up";
import { runnableJobKinds } from "@/lib/jobs/job-handlers";
import { startJobRunner, stopJobRunner, type TJobRunner } from "@/lib/jobs/job-runner";
import { LIVE_CHANNEL, type TLiveEvent } from "@/lib/live/publish-live-event";
import { makeLead, makeUser } from "../fixtures/factories";
import { dropJobSchema, eventually, testJobSchema } from "../fixtures/jobs";

const schema = testJobSchema();
let runner: TJobRunner;
let listener: pg.Client;
const notices: { event: Extract<TLiveEvent, { kind: "user.notice" }>; at: number }[] = [];

beforeAll(async () => {
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  listener.on("notification", (n) => {
    const event = JSON.parse(n.payload ?? "{}") as TLiveEvent;
    if (event.kind === "user.notice") notices.push({ event, at: Date.now() });
  });
  await listener.query(`LISTEN ${LIVE_CHANNEL}`);
  const all = runnableJobKinds();
  runner = await startJobRunner({ schema, kinds: { "follow-up-remind": all["follow-up-remind"] }, pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  await stopJobRunner();
  await listener.end();
  await dropJobSchema(schema);
});

const noticesFor = (leadId: number) => notices.filter((n) => n.event.leadId === leadId);
const remindJobs = async (leadId: number) => {
  const { rows } = await runner.boss.getDb().executeSql(
    `SELECT state, output, start_after FROM "${schema}".job WHERE name = 'follow-up-remind' AND (data->>'leadId')::int = $1 ORDER BY created_on`,
    [leadId],
  );
  return rows as { state: string; output: { reminded?: boolean } | null; start_after: Date }[];
};
const inSeconds = (s: number) => new Date(Math.ceil((Date.now() + s * 1000) / 1000) * 1000);

it("reminds the owner once, at the due time of a timed follow-up", async () => {
  const { actor: rep, user } = await makeUser();
  const lead = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
  const due = inSeconds(2);
  await addSalesAction(rep, { lead_id: lead.id, action_type: "call", outcome: "callback", follow_up_date: due.toISOString() });
  const [job] = await remindJobs(lead.id);
  expect(new Date(job.start_after).toISOString()).toBe(due.toISOString());
  const [notice] = await eventually(async () => noticesFor(lead.id).length > 0 && noticesFor(lead.id));
  expect(notice.event).toMatchObject({ kind: "user.notice", userId: user.id, leadId: lead.id, title: expect.stringContaining("Follow up with") });
  // Not before its time (the job starts after the due time; this is correctness, not speed).
  expect(notice.at).toBeGreaterThanOrEqual(due.getTime());
  expect((await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } })).followUpRemindedAt).toEqual(due);

  // The same job delivered again (pg-boss is at least once) reminds nobody a second time.
  await expect(remindFollowUp({ leadId: lead.id, dueAt: due.toISOString() })).resolves.toEqual({ reminded: false });
  await eventually(async () => (await remindJobs(lead.id)).every((j) => j.state === "completed"));
  expect(noticesFor(lead.id)).toHaveLength(1);
});

it("sends no stale reminder after the follow-up was snoozed, changed to a day or moved to a later time", async () => {
  const { actor: rep, user } = await makeUser();
  const snoozed = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
  const dayOnly = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
  const rescheduled = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
  const due = inSeconds(2);
  for (const l of [snoozed, dayOnly, rescheduled])
    await addSalesAction(rep, { lead_id: l.id, action_type: "call", outcome: "callback", follow_up_date: due.toISOString() });
  await snoozeFollowUp(rep, { lead_id: snoozed.id, to: "tomorrow9" });
  await addSalesAction(rep, { lead_id: dayOnly.id, action_type: "email", follow_up_date: "2027-01-04" });
  const later = inSeconds(3);
  await addSalesAction(rep, { lead_id: rescheduled.id, action_type: "text", follow_up_date: later.toISOString() });

  // The rescheduled lead is reminded at its new time, once; its first job found nothing to do.
  const [notice] = await eventually(async () => noticesFor(rescheduled.id).length > 0 && noticesFor(rescheduled.id));
  expect(notice.event).toMatchObject({ userId: user.id, leadId: rescheduled.id });
  expect(notice.at).toBeGreaterThanOrEqual(later.getTime());
  for (const l of [snoozed, dayOnly, rescheduled]) await eventually(async () => (await remindJobs(l.id)).filter((j) => new Date(j.start_after) <= later).every((j) => j.state === "completed"));
  expect(noticesFor(snoozed.id)).toEqual([]);
  expect(noticesFor(dayOnly.id)).toEqual([]);
  expect(noticesFor(rescheduled.id)).toHaveLength(1);
  const outputs = (await remindJobs(rescheduled.id)).map((j) => j.output?.reminded);
  expect(outputs).toEqual([false, true]);
  // The snoozed lead's new reminder waits for tomorrow 9:00, and a date-only follow-up queues none.
  expect((await remindJobs(snoozed.id)).map((j) => j.state)).toEqual(["completed", "created"]);
  expect(await remindJobs(dayOnly.id)).toHaveLength(1);
});

it("reminds nobody when the lead went back to the pool before the due time", async () => {
  const { actor: rep } = await makeUser();
  const lead = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
  const due = new Date(Date.now() - 1000);
  await db.salesLead.update({ where: { id: lead.id }, data: { nextFollowUpAt: due, nextFollowUpHasTime: true, status: "pending", assignedAdminId: null } });
  await expect(remindFollowUp({ leadId: lead.id, dueAt: due.toISOString() })).resolves.toEqual({ reminded: false });
});
