import { db } from "@/lib/db";
import { getLeadTimeline } from "@/lib/leads/get-lead-timeline";
import { listOutbox } from "@/lib/email/list-outbox";
import { retryEmailMessage } from "@/lib/email/retry-email-message";
import { sendLeadEmail } from "@/lib/email/send-lead-email";
import { sendTestEmail } from "@/lib/email/send-test-email";
import { makeLead, makeUser, uid } from "../fixtures/factories";
import { FAKE_API_KEY, startFakeSendgrid, type TFakeSendgrid } from "../fixtures/fake-sendgrid";
import { makeEmailLead, TEST_FROM, TEST_INBOUND_DOMAIN, useFakeSendgrid } from "../fixtures/email";
import { dropJobSchema, eventually, testJobSchema } from "../fixtures/jobs";
import { startJobRunner, stopJobRunner } from "@/lib/jobs/job-runner";
import { queueEmailDelivery } from "@/lib/email/queue-email-delivery";

let fake: TFakeSendgrid;
// Retries after a 429 or 5xx are email-deliver jobs: this file runs a job runner of its own.
const jobSchema = testJobSchema();
beforeAll(async () => {
  fake = await startFakeSendgrid();
  useFakeSendgrid(fake);
  await startJobRunner({ schema: jobSchema, pollingIntervalSeconds: 0.5 });
});
beforeEach(() => fake.reset());
afterAll(async () => {
  await stopJobRunner();
  await dropJobSchema(jobSchema);
  await fake.close();
});

/** The message once the job runner has finished with it. */
const settled = (id: number) =>
  eventually(async () => {
    const m = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    return m.status === "queued" ? null : m;
  });

const FOLLOW_UP = { subject: "Your {{route_origin}} → {{route_destination}} quote", body: "Hi {{contact_first_name}},\n\nThe escort quote for {{company_name}} is {{quote_total}}.\nCall {{rep_phone}}.\n\n{{rep_name}}" };
const key = () => `key-${uid()}-${uid()}`;

describe("sending a lead email through SendGrid", () => {
  it("records the message as queued, then sent with SendGrid's message id, and sends exactly this request", async () => {
    const { user: rep, actor } = await makeUser({ name: "Alex Rivera", phone: "+1 512 555 0101" });
    const { lead, contact } = await makeEmailLead(rep.id);
    let release!: () => void;
    fake.script({ status: 202, headers: { "X-Message-Id": "sgMsg_abc123" }, hold: new Promise<void>((r) => (release = r)) });

    const sending = sendLeadEmail(actor, { leadId: lead.id, ...FOLLOW_UP, idempotencyKey: key() });
    await fake.received(1);
    const inFlight = await db.emailMessage.findFirstOrThrow({ where: { leadId: lead.id } });
    expect(inFlight).toMatchObject({ status: "queued", sendgridMessageId: null, attempts: 1 });
    release();
    const sent = await sending;

    expect(sent).toMatchObject({ status: "sent", sendgridMessageId: "sgMsg_abc123", to: contact.email, replayed: false });
    const m = await db.emailMessage.findUniqueOrThrow({ where: { id: sent.id } });
    expect(m).toMatchObject({ status: "sent", sendgridMessageId: "sgMsg_abc123", senderId: rep.id, toEmail: contact.email });
    expect(m.sentAt).not.toBeNull();

    const text = `Hi Dana,\n\nThe escort quote for ${(await db.company.findUniqueOrThrow({ where: { id: lead.companyId } })).name} is $1,875.50.\nCall +1 512 555 0101.\n\nAlex Rivera`;
    expect(fake.requests).toHaveLength(1);
    const [req] = fake.requests;
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/v3/mail/send");
    expect(req.headers.authorization).toBe(`Bearer ${FAKE_API_KEY}`);
    expect(req.body).toEqual({
      from: { email: TEST_FROM, name: "Alex Rivera" },
      reply_to: { email: `replies+${m.replyToken}@${TEST_INBOUND_DOMAIN}`, name: "Alex Rivera" },
      personalizations: [{ to: [{ email: contact.email }] }],
      subject: "Your Austin, TX → Tulsa, OK quote",
      content: [
        { type: "text/plain", value: text },
        { type: "text/html", value: m.bodyHtml },
      ],
      custom_args: { pilot_message_id: String(m.id) },
    });
    expect(m.bodyHtml).toContain("<p style=\"margin:0 0 1em\">Hi Dana,</p>");
    expect(m.replyToken).toMatch(/^[0-9a-f]{32}$/);

    // The send is a sales action and a timeline entry, and it starts work on the lead.
    const actions = await db.salesAction.findMany({ where: { leadId: lead.id } });
    expect(actions).toEqual([expect.objectContaining({ actionType: "email", adminId: rep.id, actionDescription: "Email: Your Austin, TX → Tulsa, OK quote" })]);
    const events = await db.leadEvent.findMany({ where: { leadId: lead.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["status_changed", "email_sent"]);
    expect(events[1].data).toMatchObject({ messageId: m.id, status: "sent", to: contact.email });
    // The lead's history shows the email once (the echoing sales action is folded into it).
    const history = (await getLeadTimeline(actor, { lead_id: lead.id })).items;
    expect(history.filter((i) => i.kind === "email")).toEqual([expect.objectContaining({ data: expect.objectContaining({ subject: m.subject, status: "sent" }) })]);
    expect(history.filter((i) => i.kind === "action")).toEqual([]);
    const after = await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(after.status).toBe("in_progress");
    expect(after.lastContactAt).toEqual(m.sentAt);
  });

  it("refuses a rep on another rep's lead or an unassigned one, writing and sending nothing; the manager may", async () => {
    const { user: owner } = await makeUser();
    const { actor: intruder } = await makeUser();
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { lead } = await makeEmailLead(owner.id);
    const { lead: pending } = await makeEmailLead(null);
    await expect(sendLeadEmail(intruder, { leadId: lead.id, ...FOLLOW_UP })).rejects.toMatchObject({ status: 403 });
    await expect(sendLeadEmail(intruder, { leadId: pending.id, ...FOLLOW_UP })).rejects.toMatchObject({ status: 409, message: "Claim this lead before emailing it." });
    await expect(sendLeadEmail(intruder, { leadId: 999_999_999, ...FOLLOW_UP })).rejects.toMatchObject({ status: 404 });
    expect(fake.requests).toHaveLength(0);
    expect(await db.emailMessage.count({ where: { leadId: { in: [lead.id, pending.id] } } })).toBe(0);
    expect(await db.salesAction.count({ where: { leadId: lead.id } })).toBe(0);

    expect(await sendLeadEmail(manager, { leadId: lead.id, ...FOLLOW_UP })).toMatchObject({ status: "sent" });
    expect(fake.requests).toHaveLength(1);
  });

  it("refuses leads that are not held and open, like any sales action (409, nothing sent)", async () => {
    const { user: rep, actor } = await makeUser();
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { lead: pending } = await makeEmailLead(null);
    const { lead: converted } = await makeEmailLead(rep.id, { status: "converted" });
    const { lead: lost } = await makeEmailLead(rep.id, { status: "lost" });
    await expect(sendLeadEmail(manager, { leadId: pending.id, ...FOLLOW_UP })).rejects.toMatchObject({ status: 409, message: "Claim or assign this lead before emailing it." });
    await expect(sendLeadEmail(actor, { leadId: converted.id, ...FOLLOW_UP })).rejects.toMatchObject({ status: 409, message: "This lead is already converted." });
    await expect(sendLeadEmail(manager, { leadId: lost.id, ...FOLLOW_UP })).rejects.toMatchObject({ status: 409 });
    expect(fake.requests).toHaveLength(0);
    expect(await db.emailMessage.count({ where: { leadId: { in: [pending.id, converted.id, lost.id] } } })).toBe(0);
  });

  it("answers a 500 with 'not sent yet', then the job runner retries it and sends once; the same request again sends nothing more", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead } = await makeEmailLead(rep.id);
    fake.script({ status: 500, body: { errors: [{ message: "Internal error", field: null }] } }, { status: 202, headers: { "X-Message-Id": "sgRetry1" } });
    const idempotencyKey = key();
    const first = await sendLeadEmail(actor, { leadId: lead.id, ...FOLLOW_UP, idempotencyKey });
    expect(first).toMatchObject({ status: "queued", retrying: expect.stringContaining("SendGrid answered 500") });
    expect(await settled(first.id)).toMatchObject({ status: "sent", sendgridMessageId: "sgRetry1", attempts: 2, error: null });
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1].body).toEqual(fake.requests[0].body);

    // The client retrying (a double click, a lost answer) finds the sent message instead of sending again.
    const again = await sendLeadEmail(actor, { leadId: lead.id, ...FOLLOW_UP, idempotencyKey });
    const both = await Promise.all([1, 2].map(() => sendLeadEmail(actor, { leadId: lead.id, ...FOLLOW_UP, idempotencyKey })));
    expect([again, ...both].map((r) => [r.id, r.replayed, r.status])).toEqual([[first.id, true, "sent"], [first.id, true, "sent"], [first.id, true, "sent"]]);
    expect(fake.requests).toHaveLength(2);
    expect(await db.emailMessage.findMany({ where: { leadId: lead.id }, select: { status: true, attempts: true } })).toEqual([{ status: "sent", attempts: 2 }]);
    expect(await db.salesAction.count({ where: { leadId: lead.id } })).toBe(1);

    // A second email-deliver job for the same message (the stuck-email sweep, a retry) sends nothing.
    await queueEmailDelivery(first.id);
    await queueEmailDelivery(first.id);
    await eventually(async () => (await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${jobSchema}".job WHERE name = 'email-deliver' AND state = 'completed'`))[0].n >= 3);
    expect(fake.requests).toHaveLength(2);
  });

  it("sends once when the same new message arrives twice at the same moment", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead } = await makeEmailLead(rep.id);
    const idempotencyKey = key();
    const results = await Promise.all([1, 2, 3].map(() => sendLeadEmail(actor, { leadId: lead.id, ...FOLLOW_UP, idempotencyKey })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(fake.requests).toHaveLength(1);
    expect(await db.emailMessage.count({ where: { leadId: lead.id } })).toBe(1);
  });

  it("retries 429 with backoff", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead } = await makeEmailLead(rep.id);
    fake.script({ status: 429, body: { errors: [{ message: "too many requests", field: null }] }, headers: { "Retry-After": "1" } }, { status: 202, headers: { "X-Message-Id": "sg429ok" } });
    const queued = await sendLeadEmail(actor, { leadId: lead.id, ...FOLLOW_UP });
    expect(queued).toMatchObject({ status: "queued", retrying: expect.stringContaining("SendGrid answered 429") });
    expect(await settled(queued.id)).toMatchObject({ status: "sent", sendgridMessageId: "sg429ok" });
    expect(fake.requests).toHaveLength(2);
  });

  it("shows SendGrid's reason for a 400, does not retry it, and records the failure", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead } = await makeEmailLead(rep.id);
    const reason = "The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved.";
    fake.script({ status: 400, body: { errors: [{ message: reason, field: "from", help: "https://sendgrid.com/docs/for-developers/sending-email/sender-identity/" }] } });
    await expect(sendLeadEmail(actor, { leadId: lead.id, ...FOLLOW_UP })).rejects.toMatchObject({
      status: 422,
      message: `Not sent. SendGrid answered 400 Bad Request: ${reason} (from)`,
    });
    expect(fake.requests).toHaveLength(1);
    const m = await db.emailMessage.findFirstOrThrow({ where: { leadId: lead.id } });
    expect(m).toMatchObject({ status: "failed", sentAt: null, error: `SendGrid answered 400 Bad Request: ${reason} (from)` });
    expect(await db.salesAction.count({ where: { leadId: lead.id } })).toBe(0);
    expect(await db.leadEvent.count({ where: { leadId: lead.id, type: "email_sent" } })).toBe(0);
  });

  it("gives up after the configured attempts on 5xx, and a retry later sends the same message once", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead } = await makeEmailLead(rep.id);
    fake.script({ status: 503 }, { status: 502 }, { status: 500 });
    const queued = await sendLeadEmail(actor, { leadId: lead.id, ...FOLLOW_UP });
    const failed = await settled(queued.id);
    expect(failed).toMatchObject({ status: "failed", attempts: 3, error: expect.stringContaining("SendGrid answered 500") });
    expect(failed.error).toContain("gave up after 3 attempts");
    expect(fake.requests).toHaveLength(3);

    const { actor: other } = await makeUser();
    await expect(retryEmailMessage(other, { messageId: failed.id })).rejects.toMatchObject({ status: 403 });
    fake.reset();
    const retried = await Promise.all([1, 2].map(() => retryEmailMessage(actor, { messageId: failed.id }).catch((e) => e)));
    expect(retried.filter((r) => r.status === "sent")).toHaveLength(1);
    expect(retried.filter((r) => r.status === 409)).toHaveLength(1);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].body).toMatchObject({ custom_args: { pilot_message_id: String(failed.id) } });
    await expect(retryEmailMessage(actor, { messageId: failed.id })).rejects.toMatchObject({ status: 409 });
    expect(await db.emailMessage.count({ where: { leadId: lead.id } })).toBe(1);
  });

  it("refuses before sending when a variable has no value for the lead, naming it", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead: quoteLead } = await makeEmailLead(rep.id);
    const lead = await makeLead({ companyId: quoteLead.companyId, assignedAdminId: rep.id, status: "assigned" });
    await expect(sendLeadEmail(actor, { leadId: lead.id, subject: "Quote", body: "Total {{quote_total}}, pickup {{pickup_date}}" })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("No value for {{quote_total}}, {{pickup_date}}"),
    });
    await expect(sendLeadEmail(actor, { leadId: lead.id, subject: "Quote", body: "Hi {{contact_nmae}}" })).rejects.toMatchObject({ status: 400 });
    await expect(sendLeadEmail(actor, { leadId: lead.id, to: "stranger@example.com", subject: "Hi", body: "Hi" })).rejects.toMatchObject({ status: 400, issues: [{ path: "to" }] });
    expect(fake.requests).toHaveLength(0);
    expect(await db.emailMessage.count({ where: { leadId: lead.id } })).toBe(0);
  });

  it("refuses a suppressed address with the reason", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead, contact } = await makeEmailLead(rep.id);
    await db.emailSuppression.create({ data: { email: contact.email!, reason: "spamreport" } });
    await expect(sendLeadEmail(actor, { leadId: lead.id, ...FOLLOW_UP })).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(new RegExp(`^Not sent: ${contact.email} reported an earlier email as spam \\(\\d{4}-\\d\\d-\\d\\d\\), so it is suppressed`)),
    });
    expect(fake.requests).toHaveLength(0);
  });

  it("sends a test email, filled from a sample prospect, to the sender", async () => {
    const { actor } = await makeUser({ name: "Sarah Chen", phone: "+1 512 555 0102" });
    const r = await sendTestEmail(actor, { subject: FOLLOW_UP.subject, body: FOLLOW_UP.body });
    expect(r).toMatchObject({ status: "sent", to: actor.email });
    expect(fake.requests[0].body).toMatchObject({
      personalizations: [{ to: [{ email: actor.email }] }],
      subject: "[Test] Your Austin, TX → Tulsa, OK quote",
      content: [{ type: "text/plain", value: "Hi Jordan,\n\nThe escort quote for Lone Star Heavy Haul is $1,250.00.\nCall +1 512 555 0102.\n\nSarah Chen" }, expect.anything()],
    });
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ leadId: null });
  });
});

describe("outbox mode", () => {
  const saved = process.env.SENDGRID_API_KEY;
  beforeAll(() => {
    delete process.env.SENDGRID_API_KEY;
  });
  afterAll(() => {
    process.env.SENDGRID_API_KEY = saved;
  });

  it("keeps the message as simulated, sends nothing, and still logs the action and the timeline entry", async () => {
    const { user: rep, actor } = await makeUser();
    const { actor: otherRep } = await makeUser();
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { lead } = await makeEmailLead(rep.id);
    const r = await sendLeadEmail(actor, { leadId: lead.id, ...FOLLOW_UP });
    expect(r).toMatchObject({ status: "simulated", outbox: true, sendgridMessageId: null });
    expect(fake.requests).toHaveLength(0);
    expect(await db.salesAction.count({ where: { leadId: lead.id, actionType: "email" } })).toBe(1);
    expect(await db.leadEvent.count({ where: { leadId: lead.id, type: "email_sent" } })).toBe(1);

    const mine = await listOutbox(actor);
    expect(mine.messages[0]).toMatchObject({ id: r.id, subject: "Your Austin, TX → Tulsa, OK quote", leadId: lead.id });
    expect(mine.messages[0].html).toContain("<p ");
    expect((await listOutbox(otherRep)).messages.map((m) => m.id)).not.toContain(r.id);
    expect((await listOutbox(manager)).messages.map((m) => m.id)).toContain(r.id);
  });
});
