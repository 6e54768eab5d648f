import { POST } from "@/app/api/webhooks/sendgrid/route";
import { db } from "@/lib/db";
import { sendLeadEmail } from "@/lib/email/send-lead-email";
import { makeUser } from "../fixtures/factories";
import { startFakeSendgrid, type TFakeSendgrid } from "../fixtures/fake-sendgrid";
import { eventRequest, makeEmailLead, makeSendgridKeys, sgEvent, signEvents, signedEventRequest, useFakeSendgrid } from "../fixtures/email";

const keys = makeSendgridKeys();
let fake: TFakeSendgrid;
beforeAll(async () => {
  fake = await startFakeSendgrid();
  useFakeSendgrid(fake);
  process.env.SENDGRID_EVENT_PUBLIC_KEY = keys.publicKey;
});
afterAll(() => fake.close());

async function sentMessage() {
  const { user: rep, actor } = await makeUser();
  const { lead, contact } = await makeEmailLead(rep.id);
  const r = await sendLeadEmail(actor, { leadId: lead.id, subject: "Escorts for {{company_name}}", body: "Hi {{contact_first_name}}" });
  const message = await db.emailMessage.findUniqueOrThrow({ where: { id: r.id } });
  return { rep, actor, lead, contact, message };
}

const timeline = (leadId: number) =>
  db.leadEvent.findMany({ where: { leadId, type: "email_event" }, orderBy: { id: "asc" } }).then((rows) => rows.map((r) => (r.data as { event: string }).event));

describe("SendGrid event webhook", () => {
  it("applies a signed batch: statuses move forward, opens and clicks are counted, a repeated sg_event_id counts once", async () => {
    const { message, lead } = await sentMessage();
    const open = sgEvent(message, "open");
    const batch = [sgEvent(message, "processed"), open, sgEvent(message, "delivered"), open, sgEvent(message, "click", { url: "https://example.com/q" })];
    const res = await POST(signedEventRequest(keys.privateKey, batch));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 5, applied: 4, duplicates: 1, invalid: 0 });
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "clicked", openCount: 1, clickCount: 1 });
    expect(await db.emailEvent.count({ where: { messageId: message.id } })).toBe(4);
    expect(await timeline(lead.id)).toEqual(["open", "delivered", "click"]);

    // SendGrid redelivers the whole batch: nothing changes.
    const again = await POST(signedEventRequest(keys.privateKey, batch));
    expect(await again.json()).toMatchObject({ applied: 0, duplicates: 5 });
    // A later open and a late "delivered" count, but never move the status back.
    await POST(signedEventRequest(keys.privateKey, [sgEvent(message, "open"), sgEvent(message, "delivered")]));
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "clicked", openCount: 2, clickCount: 1 });
    expect(await timeline(lead.id)).toEqual(["open", "delivered", "click", "delivered"]);
  });

  it("matches events by SendGrid's message id when the custom arg is absent", async () => {
    const { message } = await sentMessage();
    const { pilot_message_id: _drop, ...event } = sgEvent(message, "delivered");
    expect(_drop).toBe(String(message.id));
    await POST(signedEventRequest(keys.privateKey, [event]));
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("delivered");
  });

  it("refuses unsigned, tampered, foreign-key and stale batches with 401 and writes nothing", async () => {
    const { message } = await sentMessage();
    const events = [sgEvent(message, "open")];
    const body = JSON.stringify(events);
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = signEvents(keys.privateKey, body, ts);
    const tampered = body.replace('"open"', '"click"');
    const other = makeSendgridKeys();
    const stale = String(Math.floor(Date.now() / 1000) - 3600);
    const requests = [
      eventRequest(body),
      eventRequest(tampered, { "X-Twilio-Email-Event-Webhook-Signature": signature, "X-Twilio-Email-Event-Webhook-Timestamp": ts }),
      eventRequest(body, { "X-Twilio-Email-Event-Webhook-Signature": signature, "X-Twilio-Email-Event-Webhook-Timestamp": String(Number(ts) + 1) }),
      eventRequest(body, { "X-Twilio-Email-Event-Webhook-Signature": signEvents(other.privateKey, body, ts), "X-Twilio-Email-Event-Webhook-Timestamp": ts }),
      eventRequest(body, { "X-Twilio-Email-Event-Webhook-Signature": "not-a-signature", "X-Twilio-Email-Event-Webhook-Timestamp": ts }),
      eventRequest(body, { "X-Twilio-Email-Event-Webhook-Signature": signEvents(keys.privateKey, body, stale), "X-Twilio-Email-Event-Webhook-Timestamp": stale }),
    ];
    for (const req of requests) {
      const res = await POST(req);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    }
    expect(await db.emailEvent.count({ where: { messageId: message.id } })).toBe(0);
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "sent", openCount: 0 });

    // The tolerance is configurable: with an hour and a bit allowed, the old batch is fine.
    process.env.SENDGRID_EVENT_TOLERANCE_SECONDS = "4000";
    try {
      const res = await POST(eventRequest(body, { "X-Twilio-Email-Event-Webhook-Signature": signEvents(keys.privateKey, body, stale), "X-Twilio-Email-Event-Webhook-Timestamp": stale }));
      expect(res.status).toBe(200);
    } finally {
      delete process.env.SENDGRID_EVENT_TOLERANCE_SECONDS;
    }
  });

  it("answers 400 to a signed body that is not a JSON array", async () => {
    const ts = String(Math.floor(Date.now() / 1000));
    for (const body of ["not json", '{"event":"open"}']) {
      const res = await POST(eventRequest(body, { "X-Twilio-Email-Event-Webhook-Signature": signEvents(keys.privateKey, body, ts), "X-Twilio-Email-Event-Webhook-Timestamp": ts }));
      expect(res.status).toBe(400);
    }
  });

  it("suppresses a bounced address, and a later send to it is refused with the reason", async () => {
    const { message, actor, lead, contact } = await sentMessage();
    const res = await POST(signedEventRequest(keys.privateKey, [sgEvent(message, "processed"), sgEvent(message, "bounce", { reason: "550 5.1.1 The email account does not exist", type: "bounce" })]));
    expect(res.status).toBe(200);
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "bounced" });
    expect(await db.emailSuppression.findUnique({ where: { email: contact.email! } })).toMatchObject({ reason: "bounce" });
    expect(await timeline(lead.id)).toEqual(["bounce"]);

    fake.reset();
    await expect(sendLeadEmail(actor, { leadId: lead.id, subject: "Again", body: "Hello?" })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining(`Not sent: ${contact.email} bounced (`),
      issues: [{ path: "to", message: `${contact.email} is suppressed (bounce)` }],
    });
    expect(fake.requests).toHaveLength(0);
  });

  it("does not suppress a temporary block, and suppresses spam reports and unsubscribes", async () => {
    const a = await sentMessage();
    const b = await sentMessage();
    const c = await sentMessage();
    await POST(
      signedEventRequest(keys.privateKey, [
        sgEvent(a.message, "bounce", { type: "blocked", reason: "421 try again later" }),
        sgEvent(b.message, "spamreport"),
        sgEvent(c.message, "unsubscribe"),
        { email: "nobody@example.com", timestamp: 1, event: "delivered", sg_event_id: `unknown_${a.message.id}` },
      ]),
    );
    const suppressed = await db.emailSuppression.findMany({ where: { email: { in: [a.contact.email!, b.contact.email!, c.contact.email!] } } });
    expect(suppressed.map((s) => [s.email, s.reason]).sort()).toEqual(
      [
        [b.contact.email, "spamreport"],
        [c.contact.email, "unsubscribe"],
      ].sort(),
    );
    expect(await db.emailEvent.findUnique({ where: { sgEventId: `unknown_${a.message.id}` } })).toMatchObject({ messageId: null });
  });
});
