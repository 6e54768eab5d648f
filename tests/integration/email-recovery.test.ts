// Emails a stopped server left "queued" (lib/email/recover-stuck-email-messages.ts, run by
// instrumentation.ts): the never-attempted are sent, the interrupted are failed with the reason.
import { db } from "@/lib/db";
import { INTERRUPTED_EMAIL_REASON, recoverStuckEmailMessages } from "@/lib/email/recover-stuck-email-messages";
import { retryEmailMessage } from "@/lib/email/retry-email-message";
import { makeUser, uid } from "../fixtures/factories";
import { startFakeSendgrid, type TFakeSendgrid } from "../fixtures/fake-sendgrid";
import { makeEmailLead, TEST_FROM, useFakeSendgrid } from "../fixtures/email";

let fake: TFakeSendgrid;
beforeAll(async () => {
  fake = await startFakeSendgrid();
  useFakeSendgrid(fake);
});
afterAll(() => fake.close());

it("sends a message never attempted, fails one interrupted mid-send, and leaves one in flight", async () => {
  const { user: rep, actor } = await makeUser();
  const { lead, contact } = await makeEmailLead(rep.id);
  const queued = (attempts: number, toEmail = contact.email ?? "") =>
    db.emailMessage.create({
      data: { leadId: lead.id, senderId: rep.id, toEmail, fromEmail: TEST_FROM, replyToken: `tok_${uid()}${uid()}`, subject: "Your quote", bodyText: "Hi", bodyHtml: "<p>Hi</p>", status: "queued", attempts },
    });
  const abandoned = await queued(0);
  const interrupted = await queued(1);
  const inFlight = await queued(1);
  const bounced = `gone_${uid()}@carrier.example`;
  await db.emailSuppression.create({ data: { email: bounced, reason: "bounce" } });
  const toBounced = await queued(0, bounced);
  // Left behind 20 minutes ago by a server that stopped; inFlight was touched just now.
  await db.$executeRaw`UPDATE email_messages SET updated_at = now() - interval '20 minutes' WHERE id IN (${abandoned.id}, ${interrupted.id}, ${toBounced.id})`;
  fake.reset();
  fake.script({ status: 202, headers: { "X-Message-Id": "sgMsg_recovered" } });

  expect(await recoverStuckEmailMessages()).toEqual({ sent: 1, failed: 2 });
  expect(fake.requests).toHaveLength(1);
  const row = (id: number) => db.emailMessage.findUniqueOrThrow({ where: { id } });
  expect(await row(abandoned.id)).toMatchObject({ status: "sent", sendgridMessageId: "sgMsg_recovered" });
  expect(await row(interrupted.id)).toMatchObject({ status: "failed", error: INTERRUPTED_EMAIL_REASON });
  expect(await row(toBounced.id)).toMatchObject({ status: "failed", error: expect.stringContaining("suppressed") });
  expect(await row(inFlight.id)).toMatchObject({ status: "queued", attempts: 1 });
  // The late send is the lead's sales action like any other.
  expect(await db.salesAction.count({ where: { leadId: lead.id, actionType: "email" } })).toBe(1);

  // Nothing is done twice; the interrupted one is the rep's to retry.
  expect(await recoverStuckEmailMessages()).toEqual({ sent: 0, failed: 0 });
  expect(fake.requests).toHaveLength(1);
  await expect(retryEmailMessage(actor, { messageId: interrupted.id })).resolves.toMatchObject({ status: "sent" });
});
