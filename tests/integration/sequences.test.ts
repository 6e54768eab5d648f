// Sequences (issue #18) on real PostgreSQL: the walk of email → wait 2 business days → text → call task
// with a clock of the test's own (the steps' jobs are read from this file's pg-boss schema and
// their handler run at each job's start time), across a weekend and the fall DST change; every
// stop reason; who may see, enrol and control what; and bad input that writes nothing.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordInboundReply } from "@/lib/email/record-inbound-reply";
import { recordInboundText } from "@/lib/sms/record-inbound-text";
import { applySendgridEvents } from "@/lib/email/apply-sendgrid-events";
import { assignLead } from "@/lib/leads/assign-lead";
import { convertLead } from "@/lib/leads/convert-lead";
import { markLeadLost } from "@/lib/leads/mark-lead-lost";
import { releaseLead } from "@/lib/leads/release-lead";
import { enrolLeads } from "@/lib/sequences/enrol-leads";
import { runSequenceStep } from "@/lib/sequences/run-sequence-step";
import { setEnrolmentState } from "@/lib/sequences/set-enrolment-state";
import { getLeadEnrolments } from "@/lib/sequences/get-lead-enrolments";
import { saveSequence } from "@/lib/sequences/save-sequence";
import { setSequenceSending } from "@/lib/sequences/set-sequence-sending";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { archiveTextTemplate } from "@/lib/sms/archive-text-template";
import { saveTextTemplate } from "@/lib/sms/save-text-template";
import { getSequenceReport, getSequenceTotals } from "@/lib/sequences/get-sequence-report";
import { makeUser, uid } from "../fixtures/factories";
import { startFakeSendgrid, type TFakeSendgrid } from "../fixtures/fake-sendgrid";
import { makeEmailLead, TEST_INBOUND_DOMAIN, useFakeSendgrid } from "../fixtures/email";
import { dropJobSchema, testJobSchema } from "../fixtures/jobs";
import { makeSequence, makeTemplate, makeTextTemplate, setSendingWindow, stepJobs } from "../fixtures/sequences";
import { runInOwnDatabase } from "../fixtures/own-database";

// The sending window and cap are company settings this file sets: a database of its own.
runInOwnDatabase("pilot_crm_test_seq");
const jobSchema = testJobSchema();
let fake: TFakeSendgrid;
beforeAll(async () => {
  process.env.JOB_SCHEMA = jobSchema;
  fake = await startFakeSendgrid();
  useFakeSendgrid(fake);
  // Weekdays 9:00–17:00 company time (America/Chicago), inside the texts' own hours (9:00–20:00).
  await setSendingWindow({ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00", dailyCapPerRep: 200 });
});
beforeEach(() => fake.reset());
afterAll(async () => {
  await dropJobSchema(jobSchema);
  await fake.close();
});

// Friday 30 October 2026, 18:00 CDT: after the window. DST ends on Sunday 1 November.
const FRIDAY_EVENING = new Date("2026-10-30T23:00:00Z");
const MONDAY_9_CST = new Date("2026-11-02T15:00:00Z");
const WEDNESDAY_9_CST = new Date("2026-11-04T15:00:00Z");

/** An in-progress lead whose contact has a number of its own, so an inbound text finds this lead. */
async function makeTextableLead(repId: number) {
  const { lead, contact: made } = await makeEmailLead(repId, { status: "in_progress" });
  // A valid North American number: an exchange starting 2–9, here 7xx.
  const phone = `+1512${700 + Math.floor(Math.random() * 300)}${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
  const contact = await db.contact.update({ where: { id: made.id }, data: { phone } });
  return { lead, contact };
}

async function setup(options: { manager?: boolean } = {}) {
  const { actor: rep, user } = await makeUser();
  const { actor: boss } = await makeUser({ role: "super_admin" });
  const template = await makeTemplate(null);
  const textTemplate = await makeTextTemplate();
  const seq = await makeSequence(boss, [
    { kind: "email", delay_amount: 0, delay_unit: "business_days", template_id: template.id },
    { kind: "wait", delay_amount: 2, delay_unit: "business_days" },
    { kind: "text", delay_amount: 0, delay_unit: "business_days", text_template_id: textTemplate.id },
    { kind: "call", delay_amount: 0, delay_unit: "business_days", body: "Ask about the quote" },
  ]);
  const { lead, contact } = await makeTextableLead(user.id);
  const enrol = await enrolLeads(options.manager ? boss : rep, { sequence_id: seq.id, lead_ids: [lead.id] }, FRIDAY_EVENING);
  expect(enrol.results[0]).toMatchObject({ ok: true });
  const enrolmentId = enrol.results[0].enrolmentId!;
  return { rep, boss, user, seq, lead, contact, template, textTemplate, enrolmentId };
}

/** Runs the newest waiting job of the enrolment at its own start time (the controllable clock). */
async function runNext(enrolmentId: number) {
  const jobs = await stepJobs(jobSchema, enrolmentId);
  const job = jobs[jobs.length - 1];
  return { job, result: await runSequenceStep({ enrolmentId, position: job.position }, new Date(job.start_after)) };
}

const enrolment = (id: number) => db.sequenceEnrolment.findUniqueOrThrow({ where: { id } });
const runsOf = (enrolmentId: number) => db.sequenceStepRun.findMany({ where: { enrolmentId }, orderBy: { position: "asc" } });

describe("the walk: email → wait 2 business days → text → call task", () => {
  it("runs each step at the right local time across a weekend and the DST change", async () => {
    const { enrolmentId, lead, contact, textTemplate } = await setup();

    // Enrolled on Friday evening: the email waits for Monday 9:00 (CST now, UTC−6).
    let [job] = await stepJobs(jobSchema, enrolmentId);
    expect(new Date(job.start_after)).toEqual(MONDAY_9_CST);
    // Run early (a clock before the due time): nothing happens.
    await expect(runSequenceStep({ enrolmentId, position: 0 }, FRIDAY_EVENING)).resolves.toEqual({ outcome: "early" });
    expect(fake.requests).toHaveLength(0);

    let step = await runNext(enrolmentId);
    expect(step.result).toMatchObject({ outcome: "ran", kind: "email", status: "sent" });
    expect(fake.requests).toHaveLength(1);
    expect(JSON.stringify(fake.requests[0].body)).toContain(contact.email!);
    const message = await db.emailMessage.findFirstOrThrow({ where: { leadId: lead.id } });
    expect(message.subject).toBe("Hello from Pilot");

    // The wait: two business days after Monday 9:00 is Wednesday 9:00.
    [, job] = await stepJobs(jobSchema, enrolmentId);
    expect(new Date(job.start_after)).toEqual(WEDNESDAY_9_CST);
    step = await runNext(enrolmentId);
    expect(step.result).toMatchObject({ outcome: "ran", kind: "wait" });

    // The text right after the wait, as the lead's rep (outbox mode: simulated, nothing leaves):
    // the step's text template filled in with this lead's values.
    step = await runNext(enrolmentId);
    expect(new Date(step.job.start_after)).toEqual(WEDNESDAY_9_CST);
    expect(step.result).toMatchObject({ outcome: "ran", kind: "text", status: "sent" });
    const text = await db.textMessage.findFirstOrThrow({ where: { leadId: lead.id, direction: "outbound" } });
    expect(text).toMatchObject({ toPhone: contact.phone, body: "Hi Dana, did the quote work for you?", status: "simulated", templateId: textTemplate.id, templateVersion: 1 });

    // The call task right after: the lead's follow-up at Wednesday 9:00, so it is on the call list.
    step = await runNext(enrolmentId);
    expect(new Date(step.job.start_after)).toEqual(WEDNESDAY_9_CST);
    expect(step.result).toMatchObject({ outcome: "ran", kind: "call" });
    const after = await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(after.nextFollowUpAt).toEqual(WEDNESDAY_9_CST);
    expect(after.nextFollowUpHasTime).toBe(true);

    expect(await enrolment(enrolmentId)).toMatchObject({ status: "completed", nextRunAt: null });
    expect((await runsOf(enrolmentId)).map((r) => [r.kind, r.status, r.ranAt.toISOString()])).toEqual([
      ["email", "sent", MONDAY_9_CST.toISOString()],
      ["wait", "done", WEDNESDAY_9_CST.toISOString()],
      ["text", "sent", WEDNESDAY_9_CST.toISOString()],
      ["call", "done", WEDNESDAY_9_CST.toISOString()],
    ]);
    // Running a finished step's job again changes nothing.
    await expect(runSequenceStep({ enrolmentId, position: 0 }, WEDNESDAY_9_CST)).resolves.toEqual({ outcome: "stale" });
    expect(fake.requests).toHaveLength(1);
  });

  it("a reply after step 1 stops steps 2 and 3, with the reason on the lead and in the report", async () => {
    const { enrolmentId, lead, rep, seq, boss } = await setup();
    await runNext(enrolmentId);
    const message = await db.emailMessage.findFirstOrThrow({ where: { leadId: lead.id } });
    await recordInboundReply({
      from: "Dana <dana@carrier.example>",
      to: `replies+${message.replyToken}@${TEST_INBOUND_DOMAIN}`,
      subject: "Re: Hello",
      text: "Call me tomorrow",
      headers: `Message-ID: <${uid()}@carrier.example>`,
    });
    expect(await enrolment(enrolmentId)).toMatchObject({ status: "stopped", stopReason: "replied", position: 1 });
    // The wait's job still comes due: it finds the enrolment stopped and does nothing.
    await expect(runNext(enrolmentId).then((s) => s.result)).resolves.toEqual({ outcome: "stale" });
    expect((await runsOf(enrolmentId)).map((r) => r.kind)).toEqual(["email"]);
    expect(fake.requests).toHaveLength(1);

    const [shown] = await getLeadEnrolments(rep, lead.id);
    expect(shown).toMatchObject({ status: "stopped", stopReason: "replied", mayControl: true });
    const event = await db.leadEvent.findFirst({ where: { leadId: lead.id, type: "sequence_stopped" } });
    expect(event?.data).toMatchObject({ reason: "replied" });

    const report = await getSequenceReport(boss, { sequence_id: seq.id });
    expect(report.totals).toMatchObject({ enrolled: 1, stopped: 1, sent: 1, replied: 1, converted: 0 });
    expect(report.steps[0]).toMatchObject({ position: 0, kind: "email", sent: 1, opened: 1, replied: 1 });
    expect(report.steps[1]).toMatchObject({ position: 1, kind: "wait", sent: 0, stopped: 1 });
    expect(report.stops).toEqual([{ reason: "replied", position: 1, count: 1 }]);
  });
});

it("a text reply after the text step stops the call task, and STOP on another lead unsubscribes it", async () => {
  const { enrolmentId, contact, boss } = await setup();
  await runNext(enrolmentId); // email
  await runNext(enrolmentId); // wait
  await expect(runNext(enrolmentId).then((s) => s.result)).resolves.toMatchObject({ kind: "text", status: "sent" });
  await recordInboundText({ MessageSid: `SM${uid()}${uid()}`, From: contact.phone!, To: "+15125550100", Body: "Yes, call me" });
  expect(await enrolment(enrolmentId)).toMatchObject({ status: "stopped", stopReason: "replied", position: 3 });
  expect((await runsOf(enrolmentId)).map((r) => r.kind)).toEqual(["email", "wait", "text"]);
  const seq = (await enrolment(enrolmentId)).sequenceId;
  const report = await getSequenceReport(boss, { sequence_id: seq });
  expect(report.steps[2]).toMatchObject({ kind: "text", sent: 1, replied: 1 });
  expect(report.steps[3]).toMatchObject({ kind: "call", sent: 0, stopped: 1 });
  expect(report.totals).toMatchObject({ sent: 3, replied: 1 });

  const other = await setup();
  await runNext(other.enrolmentId);
  await runNext(other.enrolmentId);
  await runNext(other.enrolmentId);
  await recordInboundText({ MessageSid: `SM${uid()}${uid()}`, From: other.contact.phone!, To: "+15125550100", Body: "STOP" });
  expect(await enrolment(other.enrolmentId)).toMatchObject({ status: "stopped", stopReason: "unsubscribed" });
});

it("a first text from the lead's number, never texted by us, is a reply too: it stops the sequence", async () => {
  const { enrolmentId, contact, lead, user } = await setup();
  await runNext(enrolmentId); // the email; no text went to this number yet
  await recordInboundText({ MessageSid: `SM${uid()}${uid()}`, From: contact.phone!, To: "+15125550100", Body: "Who is this?" });
  expect(await enrolment(enrolmentId)).toMatchObject({ status: "stopped", stopReason: "replied", position: 1 });
  expect(await db.textMessage.findFirst({ where: { leadId: lead.id, direction: "inbound" } })).toMatchObject({ body: "Who is this?" });
  expect(await db.notification.count({ where: { userId: user.id, kind: "text_reply", leadId: lead.id } })).toBe(1);
});

describe("text steps send a text template, rendered when the step runs", () => {
  async function textThenCall(actor: Parameters<typeof makeSequence>[0], text: { text_template_id: number } | { body: string }) {
    return makeSequence(actor, [
      { kind: "text", delay_amount: 0, delay_unit: "business_days", ...text },
      { kind: "call", delay_amount: 0, delay_unit: "business_days", body: "Call after the text" },
    ]);
  }

  it("sends the template's version of the moment it runs; once archived, the step is skipped with the reason and the sequence goes on", async () => {
    const { actor: boss } = await makeUser({ role: "super_admin" });
    const { actor: rep, user } = await makeUser({ name: "Alex Rivera" });
    const template = await makeTextTemplate("Hi {{contact_first_name}}, any loads this week?");
    const seq = await textThenCall(boss, { text_template_id: template.id });
    const first = await makeTextableLead(user.id);
    const second = await makeTextableLead(user.id);
    const { results } = await enrolLeads(rep, { sequence_id: seq.id, lead_ids: [first.lead.id, second.lead.id] }, FRIDAY_EVENING);
    const [a, b] = results.map((r) => r.enrolmentId!);

    // Edited after the sequence was built: the step sends the new words.
    await saveTextTemplate(boss, { id: template.id, name: template.name, body: "{{contact_first_name}}, {{rep_first_name}} here: any loads this week?", expectedVersion: 1 });
    await expect(runNext(a).then((s) => s.result)).resolves.toMatchObject({ outcome: "ran", kind: "text", status: "sent" });
    expect(await db.textMessage.findFirstOrThrow({ where: { leadId: first.lead.id, direction: "outbound" } })).toMatchObject({
      body: "Dana, Alex here: any loads this week?",
      templateId: template.id,
      templateVersion: 2,
      toPhone: first.contact.phone,
    });

    // Archived before the second lead's step: nothing is sent, the run says why, the call task follows.
    await archiveTextTemplate(boss, { id: template.id });
    await expect(runNext(b).then((s) => s.result)).resolves.toMatchObject({ outcome: "ran", kind: "text", status: "skipped" });
    expect(await db.textMessage.count({ where: { leadId: second.lead.id } })).toBe(0);
    expect((await runsOf(b))[0]).toMatchObject({ kind: "text", status: "skipped", detail: "The text template was archived." });
    const event = await db.leadEvent.findFirst({ where: { leadId: second.lead.id, type: "sequence_step" }, orderBy: { id: "desc" } });
    expect(event?.data).toMatchObject({ kind: "text", detail: "Not sent: The text template was archived." });
    await expect(runNext(b).then((s) => s.result)).resolves.toMatchObject({ outcome: "ran", kind: "call" });
    expect(await enrolment(b)).toMatchObject({ status: "completed" });
    const report = await getSequenceReport(boss, { sequence_id: seq.id });
    expect(report.steps[0]).toMatchObject({ kind: "text", sent: 1, skipped: 1 });
  });

  it("a rep's own sequence may text the rep's own words, filled in the same way", async () => {
    const { actor: rep, user } = await makeUser({ name: "Sam Ortiz" });
    const seq = await textThenCall(rep, { body: "Hi {{contact_first_name}}, {{rep_first_name}} here." });
    const { lead } = await makeTextableLead(user.id);
    const { results } = await enrolLeads(rep, { sequence_id: seq.id, lead_ids: [lead.id] }, FRIDAY_EVENING);
    await expect(runNext(results[0].enrolmentId!).then((s) => s.result)).resolves.toMatchObject({ kind: "text", status: "sent" });
    expect(await db.textMessage.findFirstOrThrow({ where: { leadId: lead.id } })).toMatchObject({ body: "Hi Dana, Sam here.", templateId: null });
  });
});

describe("the analytics page's sequence figures follow its range and filters", () => {
  it("counts the enrolments begun in the range (each followed to today), of the chosen rep and leads; all time without a range", async () => {
    const { actor: boss } = await makeUser({ role: "super_admin" });
    const { actor: rep, user } = await makeUser();
    const { actor: other, user: otherUser } = await makeUser();
    const template = await makeTemplate(null);
    const seq = await makeSequence(boss, [{ kind: "email", delay_amount: 0, delay_unit: "business_days", template_id: template.id }]);
    const [inRange, before, others] = [await makeEmailLead(user.id), await makeEmailLead(user.id), await makeEmailLead(otherUser.id)];
    const inOctober = (await enrolLeads(rep, { sequence_id: seq.id, lead_ids: [inRange.lead.id] }, FRIDAY_EVENING)).results[0].enrolmentId!;
    await enrolLeads(rep, { sequence_id: seq.id, lead_ids: [before.lead.id] }, new Date("2026-09-15T15:00:00Z"));
    await enrolLeads(other, { sequence_id: seq.id, lead_ids: [others.lead.id] }, new Date("2026-10-05T15:00:00Z"));
    // Its email goes out on Monday 2 November, after the range: still counted, as the enrolment's outcome.
    await runNext(inOctober);

    const october = { from: "2026-10-01", to: "2026-10-31", timeZone: "America/Chicago" };
    const row = async (actor: typeof boss, filter?: Record<string, unknown>) =>
      (await getSequenceTotals(actor, filter ? { filter: { ...october, ...filter } } : {})).find((r) => r.sequenceId === seq.id);
    expect(await row(boss, {})).toMatchObject({ enrolled: 2, active: 1, completed: 1, sent: 1 });
    expect(await row(boss, { repId: user.id })).toMatchObject({ enrolled: 1, sent: 1 });
    expect(await row(boss, { from: "2026-09-01", to: "2026-09-30" })).toMatchObject({ enrolled: 1, sent: 0 });
    // The lead filters, as every figure reads them: these are quote leads.
    expect(await row(boss, { source: "load_plan" })).toMatchObject({ enrolled: 0, sent: 0 });
    expect(await row(boss, { source: "quote" })).toMatchObject({ enrolled: 2 });
    // A rep sees their own enrolments only, and asking for another rep's is 404.
    expect(await row(rep, {})).toMatchObject({ enrolled: 1 });
    await expect(getSequenceTotals(rep, { filter: { ...october, repId: otherUser.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Without a range (a sequence's report): all time.
    expect(await row(boss)).toMatchObject({ enrolled: 3 });

    // An archived sequence is shown only for a range in which it enrolled someone.
    await db.sequence.update({ where: { id: seq.id }, data: { archived: true } });
    expect(await row(boss, {})).toMatchObject({ enrolled: 2 });
    expect(await row(boss, { from: "2026-06-01", to: "2026-06-30" })).toBeUndefined();
  });
});

describe("stops", () => {
  type TCase = { reason: string; act: (c: Awaited<ReturnType<typeof setup>>) => Promise<unknown>; immediate: boolean };
  const cases: TCase[] = [
    { reason: "converted", immediate: true, act: ({ rep, lead }) => convertLead(rep, { lead_id: lead.id, conversion_value: "900" }) },
    { reason: "lost", immediate: true, act: ({ rep, lead }) => markLeadLost(rep, { lead_id: lead.id, reason: "Went elsewhere" }) },
    { reason: "released", immediate: true, act: ({ rep, lead }) => releaseLead(rep, { lead_id: lead.id }) },
    {
      reason: "reassigned",
      immediate: true,
      act: async ({ boss, lead }) => assignLead(boss, { lead_id: lead.id, admin_id: (await makeUser()).user.id }),
    },
    {
      reason: "bounced",
      immediate: true,
      act: async ({ lead }) => {
        const m = await db.emailMessage.findFirstOrThrow({ where: { leadId: lead.id } });
        await applySendgridEvents([{ email: m.toEmail, timestamp: 1_790_000_000, event: "bounce", sg_event_id: `e${uid()}`, pilot_message_id: String(m.id) }]);
      },
    },
    {
      reason: "unsubscribed",
      immediate: true,
      act: async ({ lead }) => {
        const m = await db.emailMessage.findFirstOrThrow({ where: { leadId: lead.id } });
        await applySendgridEvents([{ email: m.toEmail, timestamp: 1_790_000_000, event: "unsubscribe", sg_event_id: `e${uid()}`, pilot_message_id: String(m.id) }]);
      },
    },
    { reason: "manual", immediate: true, act: ({ rep, enrolmentId }) => setEnrolmentState(rep, { enrolment_id: enrolmentId, op: "stop" }) },
    // Changes that do not call stopLeadEnrolments (the order webhook's SQL conversion, a future
    // handoff that forgot): the step, when due, sees them and stops before sending.
    { reason: "converted", immediate: false, act: ({ lead }) => db.salesLead.update({ where: { id: lead.id }, data: { status: "converted" } }) },
    {
      reason: "reassigned",
      immediate: false,
      act: async ({ lead }) => db.salesLead.update({ where: { id: lead.id }, data: { assignedAdminId: (await makeUser()).user.id } }),
    },
  ];

  it.each(cases)("$reason (stopped at once: $immediate)", async ({ reason, act, immediate }) => {
    const c = await setup();
    await runNext(c.enrolmentId);
    await act(c);
    if (!immediate) {
      expect((await enrolment(c.enrolmentId)).status).toBe("active");
      await expect(runNext(c.enrolmentId).then((s) => s.result)).resolves.toEqual({ outcome: "stopped", reason });
    } else {
      await expect(runNext(c.enrolmentId).then((s) => s.result)).resolves.toEqual({ outcome: "stale" });
    }
    expect(await enrolment(c.enrolmentId)).toMatchObject({ status: "stopped", stopReason: reason, nextRunAt: null });
    expect((await runsOf(c.enrolmentId)).map((r) => r.kind)).toEqual(["email"]);
  });

  it("suppressed: an address suppressed before the email step stops it unsent", async () => {
    const c = await setup();
    await db.emailSuppression.create({ data: { email: c.contact.email!.toLowerCase(), reason: "dropped" } });
    await expect(runNext(c.enrolmentId).then((s) => s.result)).resolves.toEqual({ outcome: "stopped", reason: "suppressed" });
    expect(fake.requests).toHaveLength(0);
    expect(await runsOf(c.enrolmentId)).toEqual([]);
  });

  it("pause holds the step; resume queues it again and it runs once", async () => {
    const c = await setup();
    await setEnrolmentState(c.rep, { enrolment_id: c.enrolmentId, op: "pause" }, FRIDAY_EVENING);
    await expect(runNext(c.enrolmentId).then((s) => s.result)).resolves.toEqual({ outcome: "stale" });
    await setEnrolmentState(c.rep, { enrolment_id: c.enrolmentId, op: "resume" }, FRIDAY_EVENING);
    const jobs = await stepJobs(jobSchema, c.enrolmentId);
    expect(jobs.map((j) => [j.position, new Date(j.start_after).toISOString()])).toEqual([
      [0, MONDAY_9_CST.toISOString()],
      [0, MONDAY_9_CST.toISOString()],
    ]);
    await expect(runNext(c.enrolmentId).then((s) => s.result)).resolves.toMatchObject({ outcome: "ran", kind: "email" });
    // The first job, delivered late, finds the step taken.
    await expect(runSequenceStep({ enrolmentId: c.enrolmentId, position: 0 }, MONDAY_9_CST)).resolves.toEqual({ outcome: "stale" });
    expect(fake.requests).toHaveLength(1);
  });
});

describe("sending window and daily cap", () => {
  it("a step that comes due past the rep's cap waits for the next day's window", async () => {
    await setSendingWindow({ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00", dailyCapPerRep: 1 });
    try {
      const { actor: boss } = await makeUser({ role: "super_admin" });
      const { actor: rep, user } = await makeUser();
      const template = await makeTemplate(null);
      const seq = await makeSequence(boss, [{ kind: "email", delay_amount: 0, delay_unit: "business_days", template_id: template.id }]);
      const a = await makeEmailLead(user.id);
      const b = await makeEmailLead(user.id);
      const { results } = await enrolLeads(rep, { sequence_id: seq.id, lead_ids: [a.lead.id, b.lead.id] }, FRIDAY_EVENING);
      const [ea, eb] = results.map((r) => r.enrolmentId!);
      await expect(runNext(ea).then((s) => s.result)).resolves.toMatchObject({ outcome: "ran" });
      await expect(runNext(eb).then((s) => s.result)).resolves.toEqual({ outcome: "deferred", why: "cap", until: new Date("2026-11-03T15:00:00Z") });
      await expect(runNext(eb).then((s) => s.result)).resolves.toMatchObject({ outcome: "ran", kind: "email" });
      expect(fake.requests).toHaveLength(2);
    } finally {
      await setSendingWindow({ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00", dailyCapPerRep: 200 });
    }
  });
});

describe("who may do what", () => {
  it("a rep's own sequence is invisible to other reps (404) and runs only on that rep's leads", async () => {
    const { actor: alex, user: alexUser } = await makeUser();
    const { actor: sam, user: samUser } = await makeUser();
    const { actor: boss } = await makeUser({ role: "super_admin" });
    const template = await makeTemplate(alexUser.id);
    const own = await makeSequence(alex, [{ kind: "email", delay_amount: 0, delay_unit: "business_days", template_id: template.id }]);
    const samLead = await makeEmailLead(samUser.id);
    await expect(getSequenceReport(sam, { sequence_id: own.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(enrolLeads(sam, { sequence_id: own.id, lead_ids: [samLead.lead.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The manager sees it, but it cannot send as Sam.
    const byBoss = await enrolLeads(boss, { sequence_id: own.id, lead_ids: [samLead.lead.id] });
    expect(byBoss.results[0]).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await expect(getSequenceReport(boss, { sequence_id: own.id })).resolves.toMatchObject({ totals: { enrolled: 0 } });
  });

  it("enrolment follows the lead rules: one line per lead for someone else's, a pool lead, a closed one, a second enrolment", async () => {
    const { actor: rep, user } = await makeUser();
    const { user: other } = await makeUser();
    const { actor: boss } = await makeUser({ role: "super_admin" });
    const template = await makeTemplate(null);
    const seq = await makeSequence(boss, [{ kind: "email", delay_amount: 0, delay_unit: "business_days", template_id: template.id }]);
    const mine = await makeEmailLead(user.id);
    const theirs = await makeEmailLead(other.id);
    const pool = await makeEmailLead(null);
    const closed = await makeEmailLead(user.id, { status: "converted" });
    const res = await enrolLeads(rep, { sequence_id: seq.id, lead_ids: [mine.lead.id, theirs.lead.id, pool.lead.id, closed.lead.id, mine.lead.id, 99_999_999] });
    expect(res.results.map((r) => [r.ok, r.code ?? null])).toEqual([
      [true, null],
      [false, "FORBIDDEN"],
      [false, "CONFLICT"],
      [false, "CONFLICT"],
      [false, "NOT_FOUND"],
    ]);
    const again = await enrolLeads(rep, { sequence_id: seq.id, lead_ids: [mine.lead.id] });
    expect(again.results[0]).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringContaining("Already in the sequence") });
    // The manager enrols another rep's lead; the sequence sends as that lead's rep.
    const byBoss = await enrolLeads(boss, { sequence_id: seq.id, lead_ids: [theirs.lead.id] });
    expect(byBoss.results[0].ok).toBe(true);
    expect((await enrolment(byBoss.results[0].enrolmentId!)).repId).toBe(other.id);
    // Only its rep or the manager pauses it; anyone else does not learn it exists.
    await expect(setEnrolmentState(rep, { enrolment_id: byBoss.results[0].enrolmentId!, op: "pause" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setEnrolmentState(boss, { enrolment_id: byBoss.results[0].enrolmentId!, op: "pause" })).resolves.toMatchObject({ status: "paused" });
  });

  it("a rep cannot change the manager's shared sequence", async () => {
    const { actor: rep } = await makeUser();
    const { actor: boss } = await makeUser({ role: "super_admin" });
    const template = await makeTemplate(null);
    const seq = await makeSequence(boss, [{ kind: "email", delay_amount: 0, delay_unit: "business_days", template_id: template.id }]);
    await expect(saveSequence(rep, { sequence_id: seq.id, name: "Mine now", steps: [{ kind: "wait", delay_amount: 1 }] })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("bad input writes nothing", () => {
  const count = () => db.sequence.count();
  it.each([
    ["an empty sequence", { name: "Empty", steps: [] }, "steps"],
    ["no steps at all", { name: "None" }, "steps"],
    ["an unknown template", { name: "Ghost", steps: [{ kind: "email", delay_amount: 0, template_id: 99_999_999 }] }, "steps.0.template_id"],
    ["an email without a template", { name: "Bare", steps: [{ kind: "email", delay_amount: 0 }] }, "steps.0.template_id"],
    ["a text with neither a template nor words", { name: "Mute", steps: [{ kind: "text", delay_amount: 0 }] }, "steps.0.text_template_id"],
    ["an unknown text template", { name: "Ghost text", steps: [{ kind: "text", delay_amount: 0, text_template_id: 99_999_999 }] }, "steps.0.text_template_id"],
    ["a text template and own words at once", { name: "Both", steps: [{ kind: "text", delay_amount: 0, text_template_id: 99_999_999, body: "Hi" }] }, "steps.0.body"],
    ["own words with an unknown variable", { name: "Typo", steps: [{ kind: "text", delay_amount: 0, body: "Hi {{frist_name}}" }] }, "steps.0.body"],
    ["a wait of nothing", { name: "Zero", steps: [{ kind: "wait", delay_amount: 0 }] }, "steps.0.delay_amount"],
    ["a negative delay", { name: "Back", steps: [{ kind: "call", delay_amount: -1 }] }, "steps.0.delay_amount"],
    ["an unknown kind", { name: "Fax", steps: [{ kind: "fax", delay_amount: 1 }] }, "steps.0.kind"],
    ["no name", { name: " ", steps: [{ kind: "call", delay_amount: 1 }] }, "name"],
  ])("%s → 400", async (_label, input, path) => {
    const { actor } = await makeUser({ role: "super_admin" });
    const before = await count();
    const err = await saveSequence.fromRequest(actor, input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    expect((err as AppError).issues?.map((i) => i.path)).toContain(path);
    expect(await count()).toBe(before);
  });

  it("another rep's personal template is unknown to a rep (400, nothing written)", async () => {
    const { actor: rep } = await makeUser();
    const { user: other } = await makeUser();
    const template = await makeTemplate(other.id);
    const before = await count();
    await expect(saveSequence(rep, { name: "Borrowed", steps: [{ kind: "email", delay_amount: 0, template_id: template.id }] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      issues: [{ path: "steps.0.template_id", message: "Unknown template" }],
    });
    expect(await count()).toBe(before);
  });

  it("an archived text template is refused beside its step (400, nothing written)", async () => {
    const { actor: boss } = await makeUser({ role: "super_admin" });
    const archived = await makeTextTemplate();
    await archiveTextTemplate(boss, { id: archived.id });
    const before = await count();
    await expect(saveSequence(boss, { name: "Old words", steps: [{ kind: "text", delay_amount: 0, text_template_id: archived.id }] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      issues: [{ path: "steps.0.text_template_id", message: "Unknown text template" }],
    });
    expect(await count()).toBe(before);
  });

  it("enrolment: a sequence that does not exist is 404, no leads is 400, and nothing is written", async () => {
    const { actor: rep, user } = await makeUser();
    const { lead } = await makeEmailLead(user.id);
    await expect(enrolLeads(rep, { sequence_id: 99_999_999, lead_ids: [lead.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(enrolLeads.fromRequest(rep, { sequence_id: 1, lead_ids: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.sequenceEnrolment.count({ where: { leadId: lead.id } })).toBe(0);
  });
});

describe("the sending window setting", () => {
  it("the manager sets it (audited); a rep gets 404; a window that ends before it starts is 400 and nothing changes", async () => {
    const { actor: rep } = await makeUser();
    const { actor: boss } = await makeUser({ role: "super_admin" });
    const before = (await getCompanySettings()).sequenceSending;
    await expect(setSequenceSending.fromRequest(rep, { sendDays: ["1"], sendStart: "09:00", sendEnd: "10:00", dailyCapPerRep: "5" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const bad = await setSequenceSending.fromRequest(boss, { sendDays: ["1"], sendStart: "17:00", sendEnd: "08:00", dailyCapPerRep: "5" }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: "BAD_REQUEST", issues: [{ path: "sendEnd" }] });
    expect((await getCompanySettings()).sequenceSending).toEqual(before);
    try {
      await setSequenceSending.fromRequest(boss, { sendDays: ["2", "1"], sendStart: "09:00", sendEnd: "16:00", dailyCapPerRep: "50" });
      expect((await getCompanySettings()).sequenceSending).toEqual({ days: [1, 2], start: "09:00", end: "16:00", dailyCapPerRep: 50 });
      const audit = await db.auditLog.findFirst({ where: { action: "settings.changed", targetId: "sequence_sending" }, orderBy: { id: "desc" } });
      expect(audit?.after).toMatchObject({ dailyCapPerRep: 50 });
    } finally {
      await setSendingWindow(before);
    }
  });
});
