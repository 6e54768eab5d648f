// A sequence step is sent once: with two job runners working the same queue, with every job
// delivered twice, and after a crash between the send and its record (the step-run claim is
// there, the email was made, the enrolment was not advanced): the retry finishes that same send.
import { db } from "@/lib/db";
import { runnableJobKinds } from "@/lib/jobs/job-handlers";
import { createJobRunner, type TJobRunner } from "@/lib/jobs/job-runner";
import { sendJob } from "@/lib/jobs/send-job";
import { enrolLeads } from "@/lib/sequences/enrol-leads";
import { runSequenceStep } from "@/lib/sequences/run-sequence-step";
import { makeUser } from "../fixtures/factories";
import { startFakeSendgrid, type TFakeSendgrid } from "../fixtures/fake-sendgrid";
import { makeEmailLead, useFakeSendgrid } from "../fixtures/email";
import { dropJobSchema, eventually, testJobSchema } from "../fixtures/jobs";
import { ALWAYS_OPEN, makeSequence, makeTemplate, setSendingWindow } from "../fixtures/sequences";
import { runInOwnDatabase } from "../fixtures/own-database";

runInOwnDatabase("pilot_crm_test_seq_once");
const schema = testJobSchema();
let fake: TFakeSendgrid;
beforeAll(async () => {
  process.env.JOB_SCHEMA = schema;
  fake = await startFakeSendgrid();
  useFakeSendgrid(fake);
  // These runners work at the real time: the window is open around the clock.
  await setSendingWindow(ALWAYS_OPEN);
});
beforeEach(() => fake.reset());
afterAll(async () => {
  await dropJobSchema(schema);
  await fake.close();
});

async function twoStepSetup(leads: number) {
  const { actor: boss } = await makeUser({ role: "super_admin" });
  const { actor: rep, user } = await makeUser();
  const template = await makeTemplate(null);
  const seq = await makeSequence(boss, [
    { kind: "email", delay_amount: 0, delay_unit: "business_days", template_id: template.id },
    { kind: "call", delay_amount: 0, delay_unit: "business_days" },
  ]);
  const made = await Promise.all(Array.from({ length: leads }, () => makeEmailLead(user.id)));
  const { results } = await enrolLeads(rep, { sequence_id: seq.id, lead_ids: made.map((m) => m.lead.id) });
  expect(results.every((r) => r.ok)).toBe(true);
  return { enrolmentIds: results.map((r) => r.enrolmentId!), leadIds: made.map((m) => m.lead.id) };
}

const emailsPerLead = (leadIds: number[]) =>
  db.$queryRaw<{ lead_id: number; n: number }[]>`SELECT lead_id, count(*)::int AS n FROM email_messages WHERE lead_id = ANY(${leadIds}::int[]) GROUP BY lead_id ORDER BY lead_id`;

it("two runners, every job delivered twice: each lead gets each step once", async () => {
  const { enrolmentIds, leadIds } = await twoStepSetup(8);
  // A second copy of every first-step job (pg-boss delivers at least once; a crash redelivers).
  for (const id of enrolmentIds) await sendJob("sequence-step", { enrolmentId: id, position: 0 });
  const all = runnableJobKinds();
  const options = { schema, kinds: { "sequence-step": all["sequence-step"] }, pollingIntervalSeconds: 0.5 };
  const runners: TJobRunner[] = [await createJobRunner(options), await createJobRunner(options)];
  try {
    await eventually(async () => (await db.sequenceEnrolment.count({ where: { id: { in: enrolmentIds }, status: "completed" } })) === enrolmentIds.length);
    await eventually(async () => {
      const { rows } = await runners[0].boss.getDb().executeSql(`SELECT count(*)::int AS n FROM "${schema}".job WHERE name = 'sequence-step' AND state <> 'completed'`, []);
      return (rows[0] as { n: number }).n === 0;
    });
  } finally {
    await Promise.all(runners.map((r) => r.stop()));
  }
  expect(await emailsPerLead(leadIds)).toEqual([...leadIds].sort((x, y) => x - y).map((lead_id) => ({ lead_id, n: 1 })));
  expect(fake.requests).toHaveLength(leadIds.length);
  const runs = await db.sequenceStepRun.groupBy({ by: ["enrolmentId"], where: { enrolmentId: { in: enrolmentIds } }, _count: true });
  expect(runs.every((r) => r._count === 2)).toBe(true);
});

it("a crash between the send and its record: the retry finds the claim and sends nothing new", async () => {
  const { enrolmentIds, leadIds } = await twoStepSetup(1);
  const [enrolmentId] = enrolmentIds;
  const now = new Date();
  await expect(runSequenceStep({ enrolmentId, position: 0 }, now)).resolves.toMatchObject({ outcome: "ran", status: "sent" });
  expect(fake.requests).toHaveLength(1);

  // Put the database back to what a crash right after the send leaves: the email exists, the
  // claim is still `claimed`, the enrolment still waits at step 0 and its next job was never made.
  const run = await db.sequenceStepRun.findUniqueOrThrow({ where: { enrolmentId_position: { enrolmentId, position: 0 } } });
  await db.$transaction([
    db.sequenceStepRun.update({ where: { id: run.id }, data: { status: "claimed", emailMessageId: null } }),
    db.sequenceEnrolment.update({ where: { id: enrolmentId }, data: { position: 0, nextRunAt: now } }),
    db.$executeRawUnsafe(`DELETE FROM "${schema}".job WHERE name = 'sequence-step' AND (data->>'enrolmentId')::int = $1 AND (data->>'position')::int = 1`, enrolmentId),
  ]);

  // pg-boss retries the job (and a second runner may hold a copy): both finish the same send.
  const [a, b] = await Promise.all([runSequenceStep({ enrolmentId, position: 0 }, now), runSequenceStep({ enrolmentId, position: 0 }, now)]);
  // Whichever records second finds the step recorded (ran, nothing advanced) or already moved on (stale).
  expect([a.outcome, b.outcome]).toContain("ran");
  expect([a, b].every((r) => r.outcome === "ran" || r.outcome === "stale")).toBe(true);
  expect(fake.requests).toHaveLength(1);
  expect(await emailsPerLead(leadIds)).toEqual([{ lead_id: leadIds[0], n: 1 }]);
  const after = await db.sequenceStepRun.findUniqueOrThrow({ where: { id: run.id } });
  expect(after).toMatchObject({ status: "sent", emailMessageId: expect.any(Number) });
  expect(await db.sequenceEnrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toMatchObject({ status: "active", position: 1 });
  // Exactly one job for the next step was queued again.
  const next = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM "${schema}".job WHERE name = 'sequence-step' AND (data->>'enrolmentId')::int = $1 AND (data->>'position')::int = 1`,
    enrolmentId,
  );
  expect(next[0].n).toBe(1);
});
