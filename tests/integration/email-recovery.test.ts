// Emails a stopped server left "queued": the email-recover-stuck job (every 5 minutes on the job
// runner) hands the never-attempted to email-deliver jobs and fails the interrupted; the
// email-deliver job itself never sends a message that may already be at SendGrid.
import { db } from "@/lib/db";
import { recoverStuckEmailMessages } from "@/lib/email/recover-stuck-email-messages";
import { deliverQueuedEmail, INTERRUPTED_EMAIL_REASON } from "@/lib/email/deliver-queued-email";
import { retryEmailMessage } from "@/lib/email/retry-email-message";
import { startJobRunner, stopJobRunner } from "@/lib/jobs/job-runner";
import { makeUser, uid } from "../fixtures/factories";
import { startFakeSendgrid, type TFakeSendgrid } from "../fixtures/fake-sendgrid";
import { makeEmailLead, TEST_FROM, useFakeSendgrid } from "../fixtures/email";
import { dropJobSchema, eventually, testJobSchema } from "../fixtures/jobs";

let fake: TFakeSendgrid;
const jobSchema = testJobSchema();
beforeAll(async () => {
  fake = await startFakeSendgrid();
  useFakeSendgrid(fake);
  await startJobRunner({ schema: jobSchema, pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  await stopJobRunner();
  await dropJobSchema(jobSchema);
  await fake.close();
});

async function queuedMessage(attempts: number, toEmail?: string) {
  const { user: rep, actor } = await makeUser();
  const { lead, contact } = await makeEmailLead(rep.id);
  const m = await db.emailMessage.create({
    data: { leadId: lead.id, senderId: rep.id, toEmail: toEmail ?? contact.email ?? "", fromEmail: TEST_FROM, replyToken: `tok_${uid()}${uid()}`, subject: "Your quote", bodyText: "Hi", bodyHtml: "<p>Hi</p>", status: "queued", attempts },
  });
  return { m, lead, actor };
}
const ageMinutes = (id: number, minutes: number) => db.$executeRaw`UPDATE email_messages SET updated_at = now() - make_interval(mins => ${minutes}::int) WHERE id = ${id}`;
const row = (id: number) => db.emailMessage.findUniqueOrThrow({ where: { id } });

it("hands a message never attempted to the job runner, fails one interrupted mid-send, and leaves one in flight", async () => {
  const { m: abandoned, lead } = await queuedMessage(0);
  const { m: interrupted, actor: interruptedRep } = await queuedMessage(1);
  const { m: inFlight } = await queuedMessage(1);
  const bounced = `gone_${uid()}@carrier.example`;
  await db.emailSuppression.create({ data: { email: bounced, reason: "bounce" } });
  const { m: toBounced } = await queuedMessage(0, bounced);
  // Left behind 20 minutes ago by a server that stopped; inFlight was touched just now.
  for (const id of [abandoned.id, interrupted.id, toBounced.id]) await ageMinutes(id, 20);
  fake.reset();
  fake.script({ status: 202, headers: { "X-Message-Id": "sgMsg_recovered" } });

  expect(await recoverStuckEmailMessages()).toEqual({ queued: 1, failed: 2 });
  await eventually(async () => (await row(abandoned.id)).status !== "queued");
  expect(await row(abandoned.id)).toMatchObject({ status: "sent", sendgridMessageId: "sgMsg_recovered" });
  expect(fake.requests).toHaveLength(1);
  expect(await row(interrupted.id)).toMatchObject({ status: "failed", error: INTERRUPTED_EMAIL_REASON });
  expect(await row(toBounced.id)).toMatchObject({ status: "failed", error: expect.stringContaining("suppressed") });
  expect(await row(inFlight.id)).toMatchObject({ status: "queued", attempts: 1 });
  // The late send is the lead's sales action like any other.
  expect(await db.salesAction.count({ where: { leadId: lead.id, actionType: "email" } })).toBe(1);

  // Nothing is done twice; the interrupted one is the rep's to retry.
  expect(await recoverStuckEmailMessages()).toEqual({ queued: 0, failed: 0 });
  expect(fake.requests).toHaveLength(1);
  await expect(retryEmailMessage(interruptedRep, { messageId: interrupted.id })).resolves.toMatchObject({ status: "sent" });
});

it("email-deliver waits for a send in flight, and fails one whose process stopped mid-send instead of sending it twice", async () => {
  const { m } = await queuedMessage(1);
  fake.reset();
  await expect(deliverQueuedEmail({ messageId: m.id })).rejects.toThrow("being sent by another process");
  await ageMinutes(m.id, 5);
  expect(await deliverQueuedEmail({ messageId: m.id })).toEqual({ messageId: m.id, status: "failed" });
  expect(await row(m.id)).toMatchObject({ status: "failed", error: INTERRUPTED_EMAIL_REASON });
  expect(await deliverQueuedEmail({ messageId: m.id })).toEqual({ messageId: m.id, status: "failed" });
  expect(fake.requests).toHaveLength(0);
});
