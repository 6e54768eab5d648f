// Texts (SMS) end to end on a real PostgreSQL: sendLeadText through the real twilio client against
// a local server speaking Twilio's Messages API, the text-deliver job on a real runner, and the
// status and inbound webhooks through their route handlers with X-Twilio-Signature.
import { db } from "@/lib/db";
import { sendLeadText } from "@/lib/sms/send-lead-text";
import { getLeadTimeline } from "@/lib/leads/get-lead-timeline";
import { createJobRunner, type TJobRunner } from "@/lib/jobs/job-runner";
import { runnableJobKinds } from "@/lib/jobs/job-handlers";
import { getCompanySettings, putCompanySetting } from "@/lib/kernel/company-settings";
import { listUnmatchedTexts } from "@/lib/sms/list-unmatched-texts";
import { setTextSendingHours } from "@/lib/sms/set-text-sending-hours";
import { POST as statusPost } from "@/app/api/webhooks/twilio/status/route";
import { POST as inboundPost } from "@/app/api/webhooks/twilio/inbound/route";
import { makeCompany, makeLead, makeUser, uid } from "../fixtures/factories";
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, FAKE_FROM, startFakeTwilio, useFakeTwilio, useTextOutbox, type TFakeTwilio } from "../fixtures/fake-twilio";
import { makeTextLead, openTextingHoursNow, PUBLIC_BASE, smsSid, twilioRequest } from "../fixtures/texts";
import { dropJobSchema, eventually, testJobSchema } from "../fixtures/jobs";
import { runInOwnDatabase } from "../fixtures/own-database";
import { TWILIO_WEBHOOK_BODY_LIMIT } from "@/lib/http/body-limits.mjs";

runInOwnDatabase("pilot_crm_test_texts");
const jobSchema = testJobSchema();
let fake: TFakeTwilio;
beforeAll(async () => {
  process.env.JOB_SCHEMA = jobSchema;
  fake = await startFakeTwilio();
  await openTextingHoursNow();
});
beforeEach(() => {
  fake.reset();
  useFakeTwilio(fake);
});
afterAll(async () => {
  await dropJobSchema(jobSchema);
  await fake.close();
});

const STATUS = "/api/webhooks/twilio/status";
const INBOUND = "/api/webhooks/twilio/inbound";
const inbound = (from: string, body: string, extra: Record<string, string> = {}) =>
  inboundPost(twilioRequest(INBOUND, { MessageSid: smsSid(), AccountSid: FAKE_ACCOUNT_SID, From: from, To: FAKE_FROM, Body: body, NumMedia: "0", ...extra }));

describe("sending", () => {
  it("sends through Twilio's Messages API with the real client, records the SID and a sales action, and moves the lead to in progress", async () => {
    const { user: rep, actor } = await makeUser({ name: "Alex Rivera" });
    const { lead, phone } = await makeTextLead(rep.id);
    const sent = await sendLeadText(actor, { leadId: lead.id, body: "Hi {{contact_first_name}}, {{rep_first_name}} here about your quote of {{quote_total}}." });

    expect(sent).toMatchObject({ status: "sent", to: phone, outbox: false, replayed: false, body: "Hi Dana, Alex here about your quote of $1,875.50." });
    expect(sent.twilioSid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(fake.requests).toHaveLength(1);
    const [req] = fake.requests;
    expect(req.url).toBe(`/2010-04-01/Accounts/${FAKE_ACCOUNT_SID}/Messages.json`);
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${FAKE_ACCOUNT_SID}:${FAKE_AUTH_TOKEN}`).toString("base64")}`);
    expect(req.form).toEqual({ To: phone, From: FAKE_FROM, Body: sent.body, StatusCallback: `${PUBLIC_BASE}${STATUS}` });

    const row = await db.textMessage.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row).toMatchObject({ direction: "outbound", status: "sent", twilioSid: sent.twilioSid, senderId: rep.id, attempts: 1 });
    const action = await db.salesAction.findFirstOrThrow({ where: { leadId: lead.id } });
    expect(action).toMatchObject({ actionType: "text", adminId: rep.id });
    expect((await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe("in_progress");
    // The timeline shows the text once (its sales action is the same thing).
    const timeline = (await getLeadTimeline(actor, { lead_id: lead.id })).items;
    expect(timeline.filter((t) => t.kind === "text")).toHaveLength(1);
    expect(timeline.filter((t) => t.kind === "action")).toHaveLength(0);
  });

  it("texts a template's body with the lead's values, and refuses a variable the lead has no value for", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead } = await makeTextLead(rep.id);
    const template = await db.textTemplate.create({ data: { name: `Quote ${uid()}`, body: "{{company_name}}: pickup {{pickup_date}}." } });
    const sent = await sendLeadText(actor, { leadId: lead.id, templateId: template.id });
    expect(sent.body).toMatch(/^Haulers \w+: pickup December 2, 2026\.$/);
    expect(await db.textMessage.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({ templateId: template.id, templateVersion: 1 });
    await expect(sendLeadText(actor, { leadId: lead.id, body: "Load: {{load_description}}" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/No value for \{\{load_description\}\}/) });
    await expect(sendLeadText(actor, { leadId: lead.id, body: "Hi {{nope}}" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(fake.requests).toHaveLength(1);
  });

  it("sends once per idempotency key, and refuses the key for another lead", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead } = await makeTextLead(rep.id);
    const { lead: other } = await makeTextLead(rep.id);
    const key = `sequence-step-run:${uid()}`;
    const [a, b] = await Promise.all([
      sendLeadText(actor, { leadId: lead.id, body: "Step one", idempotencyKey: key }),
      sendLeadText(actor, { leadId: lead.id, body: "Step one", idempotencyKey: key }),
    ]);
    expect(a.id).toBe(b.id);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    const again = await sendLeadText(actor, { leadId: lead.id, body: "Step one", idempotencyKey: key });
    expect(again).toMatchObject({ id: a.id, replayed: true, status: "sent" });
    expect(fake.requests).toHaveLength(1);
    await expect(sendLeadText(actor, { leadId: other.id, body: "Step one", idempotencyKey: key })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("authorizes inside: a missing lead is 404, someone else's 403, a pool lead 409, and nothing is stored", async () => {
    const { user: rep } = await makeUser();
    const { actor: otherRep } = await makeUser();
    const { lead } = await makeTextLead(rep.id);
    const { lead: pool } = await makeTextLead(null);
    await expect(sendLeadText(otherRep, { leadId: 987654321, body: "Hi" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(sendLeadText(otherRep, { leadId: lead.id, body: "Hi" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(sendLeadText(otherRep, { leadId: pool.id, body: "Hi" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(sendLeadText.fromRequest(otherRep, { leadId: lead.id })).rejects.toMatchObject({ code: "BAD_REQUEST", issues: [{ path: "body", message: "Write a text or pick a template" }] });
    await expect(sendLeadText(otherRep, { leadId: lead.id, body: "Hi", to: "+1 555" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.textMessage.count({ where: { leadId: { in: [lead.id, pool.id] } } })).toBe(0);
    expect(fake.requests).toHaveLength(0);
  });

  it("texts only the lead's own numbers", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead } = await makeTextLead(rep.id);
    await expect(sendLeadText(actor, { leadId: lead.id, body: "Hi", to: "+1 415 555 0100" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Text only the lead's own numbers." });
    expect(fake.requests).toHaveLength(0);
  });

  it("fails a text Twilio refuses with its reason, and an unsubscribed recipient (21610) joins the opt-out list", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead, phone } = await makeTextLead(rep.id);
    fake.script({ status: 400, body: { code: 21610, message: "Attempt to send to unsubscribed recipient", more_info: "https://www.twilio.com/docs/errors/21610", status: 400 } });
    await expect(sendLeadText(actor, { leadId: lead.id, body: "Hello" })).rejects.toMatchObject({ code: "UNPROCESSABLE", message: expect.stringMatching(/Twilio answered 400 \(error 21610\): Attempt to send to unsubscribed recipient/) });
    expect(await db.textMessage.findFirstOrThrow({ where: { leadId: lead.id } })).toMatchObject({ status: "failed", errorCode: 21610 });
    expect(await db.textOptOut.findUnique({ where: { phone } })).not.toBeNull();
    expect(await db.salesAction.count({ where: { leadId: lead.id } })).toBe(0);
  });
});

describe("the text-deliver job", () => {
  let runner: TJobRunner | null = null;
  afterEach(async () => {
    await runner?.stop({ timeoutMs: 2000 });
    runner = null;
  });

  it("tries again on the job runner after Twilio answers 503, and sends once", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead } = await makeTextLead(rep.id);
    fake.script({ status: 503, body: { code: 20503, message: "Service Unavailable", status: 503 } });
    const first = await sendLeadText(actor, { leadId: lead.id, body: "Are you still moving that load?" });
    expect(first.status).toBe("queued");
    expect(first.retrying).toMatch(/Twilio answered 503.*attempt 1 of 3/);

    const all = runnableJobKinds();
    runner = await createJobRunner({ schema: jobSchema, kinds: { "text-deliver": all["text-deliver"] }, pollingIntervalSeconds: 0.5 });
    const done = await eventually(async () => {
      const m = await db.textMessage.findUniqueOrThrow({ where: { id: first.id } });
      return m.status === "sent" ? m : null;
    });
    expect(done.attempts).toBe(2);
    expect(done.twilioSid).toMatch(/^SM/);
    expect(fake.requests).toHaveLength(2);
    expect(await db.salesAction.count({ where: { leadId: lead.id, actionType: "text" } })).toBe(1);
  });
});

describe("status callbacks", () => {
  it("mark a text delivered, ignore a late earlier word, and leave unknown SIDs alone", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead, phone } = await makeTextLead(rep.id);
    const sent = await sendLeadText(actor, { leadId: lead.id, body: "Status please" });
    const params = (status: string, extra: Record<string, string> = {}) => ({ MessageSid: sent.twilioSid!, MessageStatus: status, AccountSid: FAKE_ACCOUNT_SID, To: phone, From: FAKE_FROM, ApiVersion: "2010-04-01", ...extra });

    const delivered = await statusPost(twilioRequest(STATUS, params("delivered")));
    expect(delivered.status).toBe(200);
    expect(await delivered.json()).toEqual({ matched: true, status: "delivered" });
    const late = await statusPost(twilioRequest(STATUS, params("sent")));
    expect(late.status).toBe(200);
    const row = await db.textMessage.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row.status).toBe("delivered");
    expect(row.deliveredAt).not.toBeNull();

    const unknown = await statusPost(twilioRequest(STATUS, { ...params("delivered"), MessageSid: smsSid() }));
    expect(await unknown.json()).toEqual({ matched: false, status: null });
  });

  it("record an undelivered text with Twilio's error code", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead } = await makeTextLead(rep.id);
    const sent = await sendLeadText(actor, { leadId: lead.id, body: "Anyone there?" });
    await statusPost(twilioRequest(STATUS, { MessageSid: sent.twilioSid!, MessageStatus: "undelivered", ErrorCode: "30003", AccountSid: FAKE_ACCOUNT_SID }));
    expect(await db.textMessage.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({ status: "undelivered", errorCode: 30003, error: "Twilio reported undelivered (error 30003)" });
  });
});

describe("forged webhooks", () => {
  it("are refused with 403 and store nothing: no signature, a wrong token, another URL, a changed field", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead, phone } = await makeTextLead(rep.id);
    const sent = await sendLeadText(actor, { leadId: lead.id, body: "Original" });
    const before = { texts: await db.textMessage.count(), optOuts: await db.textOptOut.count(), events: await db.leadEvent.count({ where: { leadId: lead.id } }) };
    const reply = { MessageSid: smsSid(), AccountSid: FAKE_ACCOUNT_SID, From: phone, To: FAKE_FROM, Body: "STOP" };
    const forgeries = [
      twilioRequest(INBOUND, reply, "none"),
      twilioRequest(INBOUND, reply, { token: "not-the-auth-token" }),
      twilioRequest(INBOUND, reply, { url: `http://10.0.0.5:3000${INBOUND}` }),
    ];
    for (const req of forgeries) {
      const res = await inboundPost(req);
      expect(res.status).toBe(403);
    }
    // Signed, then a field changed on the way.
    const signed = twilioRequest(INBOUND, reply);
    const tampered = new (signed.constructor as typeof Request)(signed.url, { method: "POST", headers: signed.headers, body: new URLSearchParams({ ...reply, Body: "START" }).toString() });
    expect((await inboundPost(tampered as typeof signed)).status).toBe(403);
    const status = await statusPost(twilioRequest(STATUS, { MessageSid: sent.twilioSid!, MessageStatus: "failed", AccountSid: FAKE_ACCOUNT_SID }, { token: "wrong" }));
    expect(status.status).toBe(403);
    expect(await status.json()).toMatchObject({ error: { code: "FORBIDDEN" } });

    expect({ texts: await db.textMessage.count(), optOuts: await db.textOptOut.count(), events: await db.leadEvent.count({ where: { leadId: lead.id } }) }).toEqual(before);
    expect((await db.textMessage.findUniqueOrThrow({ where: { id: sent.id } })).status).toBe("sent");
  });

  it("refuse a body over the limit with 413 before any signature work", async () => {
    const before = await db.textMessage.count();
    const res = await inboundPost(twilioRequest(INBOUND, { MessageSid: smsSid(), From: "+15125550100", Body: "x".repeat(TWILIO_WEBHOOK_BODY_LIMIT) }));
    expect(res.status).toBe(413);
    expect(await db.textMessage.count()).toBe(before);
  });

  it("are all refused in outbox mode, where there is no auth token to check them with", async () => {
    useTextOutbox();
    const res = await inboundPost(twilioRequest(INBOUND, { MessageSid: smsSid(), From: "+15125550100", Body: "hi" }));
    expect(res.status).toBe(403);
  });
});

describe("inbound texts", () => {
  it("put a reply on the lead's timeline once, however often Twilio delivers it", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead, phone } = await makeTextLead(rep.id);
    await sendLeadText(actor, { leadId: lead.id, body: "Want a quote for the next load?" });
    const params = { MessageSid: smsSid(), AccountSid: FAKE_ACCOUNT_SID, From: phone, To: FAKE_FROM, Body: "Yes, call me after 3", NumMedia: "0" };
    for (let i = 0; i < 2; i++) {
      const res = await inboundPost(twilioRequest(INBOUND, params));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/text\/xml/);
      expect(await res.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    }
    const replies = await db.textMessage.findMany({ where: { leadId: lead.id, direction: "inbound" } });
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ status: "received", fromPhone: phone, body: "Yes, call me after 3", twilioSid: params.MessageSid });
    expect(await db.leadEvent.count({ where: { leadId: lead.id, type: "text_received" } })).toBe(1);
    // The lead's holder is told once, in the inbox.
    expect(await db.notification.findMany({ where: { userId: rep.id, kind: "text_reply" }, select: { leadId: true, body: true } })).toEqual([{ leadId: lead.id, body: "Yes, call me after 3" }]);
    const timeline = (await getLeadTimeline(actor, { lead_id: lead.id })).items;
    expect(timeline.find((t) => t.kind === "text" && t.data.direction === "inbound")).toMatchObject({ data: { body: "Yes, call me after 3", from_phone: phone } });
    // "YES" alone is Twilio's opt-in word, not an opt-out: this reply changed no list.
    expect(await db.textOptOut.count({ where: { phone } })).toBe(0);
  });

  it("keep STOP and START: every send path refuses an opted-out number until it opts back in", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead, phone } = await makeTextLead(rep.id);
    const queued = await sendLeadText(actor, { leadId: lead.id, body: "Tomorrow 9:00?" }, { outsideHours: "defer", now: new Date(Date.now() + 0) });
    expect(queued.status).toBe("sent");

    expect((await inbound(phone, "  stop ")).status).toBe(200);
    expect(await db.textOptOut.findUnique({ where: { phone } })).toMatchObject({ keyword: "STOP" });
    const refused = sendLeadText(actor, { leadId: lead.id, body: "One more thing" });
    await expect(refused).rejects.toMatchObject({ code: "UNPROCESSABLE", message: expect.stringMatching(new RegExp(`Not sent: \\${phone} replied STOP on \\d{4}-\\d{2}-\\d{2} and has opted out of texts`)) });
    expect(fake.requests).toHaveLength(1);

    for (const word of ["STOPALL", "unsubscribe", "Cancel", "END", "QUIT"]) {
      await inbound(phone, "START");
      expect(await db.textOptOut.count({ where: { phone } })).toBe(0);
      await inbound(phone, word);
      expect(await db.textOptOut.count({ where: { phone } })).toBe(1);
    }
    for (const word of ["start", "YES", "Unstop"]) {
      await inbound(phone, "STOP");
      await inbound(phone, word);
      expect(await db.textOptOut.count({ where: { phone } })).toBe(0);
    }
    // Twilio's Advanced Opt-Out names the type itself, whatever the words were.
    await inbound(phone, "please stop texting me", { OptOutType: "STOP" });
    expect(await db.textOptOut.count({ where: { phone } })).toBe(1);
    await inbound(phone, "START");
    expect((await sendLeadText(actor, { leadId: lead.id, body: "Welcome back" })).status).toBe("sent");
  });

  it("a STOP that arrives while a text waits for its hours makes that text fail, not go", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead, phone } = await makeTextLead(rep.id, { state: "TX" });
    // Monday 7 Dec 2026, 06:00 in Texas: before the hours; held until 08:00.
    const early = new Date("2026-12-07T12:00:00Z");
    const held = await sendLeadText(actor, { leadId: lead.id, body: "Morning!" }, { outsideHours: "defer", now: early });
    expect(held).toMatchObject({ status: "queued", sendAfter: "2026-12-07T14:00:00.000Z" });
    await inbound(phone, "STOP");
    const { deliverTextMessage } = await import("@/lib/sms/deliver-text-message");
    const { message } = await deliverTextMessage(held.id, new Date("2026-12-07T14:00:00Z"));
    expect(message.status).toBe("failed");
    expect(message.error).toMatch(/opted out/);
    expect(fake.requests).toHaveLength(0);
  });
});

describe("inbound texts from a number we never texted", () => {
  /** A unique valid US number, written as people write it. */
  const localNumber = () => {
    const digits = `512${2 + Math.floor(Math.random() * 8)}${String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0")}`;
    return { written: `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`, e164: `+1${digits}` };
  };

  it("go to the lead of the company whose contact has the number — the worked one before a newer closed one — and are handled as replies", async () => {
    const { user: rep, actor } = await makeUser();
    const { user: otherRep } = await makeUser();
    const { company, lead: worked } = await makeTextLead(rep.id);
    await db.salesLead.update({ where: { id: worked.id }, data: { status: "in_progress", createdAt: new Date("2026-01-05T12:00:00Z") } });
    const newerClosed = await makeLead({ companyId: company.id, assignedAdminId: otherRep.id, status: "lost" });
    const number = localNumber();
    await db.contact.create({ data: { companyId: company.id, name: "Lee Park", phone: number.written } });

    const res = await inbound(number.e164, "Do you cover Oklahoma?");
    expect(res.status).toBe(200);
    const stored = await db.textMessage.findFirstOrThrow({ where: { fromPhone: number.e164, direction: "inbound" } });
    expect(stored.leadId).toBe(worked.id);
    expect(newerClosed.id).not.toBe(worked.id);
    const event = await db.leadEvent.findFirstOrThrow({ where: { leadId: worked.id, type: "text_received" } });
    expect(event.data).toMatchObject({ messageId: stored.id, from: number.e164, matchedBy: "number" });
    expect(await db.notification.findMany({ where: { userId: rep.id, kind: "text_reply" }, select: { leadId: true, body: true } })).toEqual([{ leadId: worked.id, body: "Do you cover Oklahoma?" }]);
    expect(await db.notification.count({ where: { userId: otherRep.id } })).toBe(0);
    const timeline = (await getLeadTimeline(actor, { lead_id: worked.id })).items;
    expect(timeline.find((t) => t.kind === "text" && t.data.direction === "inbound")).toMatchObject({ data: { body: "Do you cover Oklahoma?", from_phone: number.e164 } });
  });

  it("go by the company's own number (phone_norm) to its newest lead: a pool lead before a closed one; a closed one when that is all", async () => {
    const { user: rep } = await makeUser();
    const number = localNumber();
    const company = await makeCompany({ phone: number.written });
    await db.company.update({ where: { id: company.id }, data: { phoneNorm: number.e164 } });
    const closed = await makeLead({ companyId: company.id, assignedAdminId: rep.id, status: "converted" });
    await inbound(number.e164, "Thanks for the escort last week");
    expect(await db.textMessage.findFirstOrThrow({ where: { fromPhone: number.e164 }, orderBy: { id: "desc" } })).toMatchObject({ leadId: closed.id });
    expect(await db.notification.count({ where: { userId: rep.id, kind: "text_reply", leadId: closed.id } })).toBe(1);

    const pool = await makeLead({ companyId: company.id, assignedAdminId: null, status: "pending" });
    await db.salesLead.update({ where: { id: pool.id }, data: { createdAt: new Date("2020-01-01T00:00:00Z") } });
    await inbound(number.e164, "Another load coming");
    expect(await db.textMessage.findFirstOrThrow({ where: { fromPhone: number.e164 }, orderBy: { id: "desc" } })).toMatchObject({ leadId: pool.id });
    expect(await db.leadEvent.count({ where: { leadId: pool.id, type: "text_received" } })).toBe(1);
  });

  it("a conversation wins: a number we texted for one lead stays with that lead, even if another company has it too", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead, phone } = await makeTextLead(rep.id);
    const elsewhere = await makeCompany();
    const otherLead = await makeLead({ companyId: elsewhere.id, assignedAdminId: rep.id, status: "assigned" });
    await db.contact.create({ data: { companyId: elsewhere.id, name: "Shared phone", phone } });
    await sendLeadText(actor, { leadId: lead.id, body: "About your quote" });
    await inbound(phone, "Got it");
    expect(await db.textMessage.findFirstOrThrow({ where: { fromPhone: phone, direction: "inbound" } })).toMatchObject({ leadId: lead.id });
    expect(await db.leadEvent.count({ where: { leadId: otherLead.id, type: "text_received" } })).toBe(0);
  });

  it("a truly unknown number stays unattached, is listed for the manager (not for reps), and ten shared digits of a foreign number are not a match", async () => {
    const { user: rep } = await makeUser();
    const { actor: boss } = await makeUser({ role: "super_admin" });
    const { actor: repActor } = await makeUser();
    // A Maine contact whose ten digits equal a London number's last ten.
    const { company } = await makeTextLead(rep.id);
    await db.contact.create({ data: { companyId: company.id, name: "Maine office", phone: "(207) 946-0958" } });
    const before = { events: await db.leadEvent.count({ where: { type: "text_received" } }), notices: await db.notification.count({ where: { kind: "text_reply" } }) };

    const unknown = localNumber();
    await inbound(unknown.e164, "Wrong number?");
    await inbound("+44 20 7946 0958", "Hello from London");
    const texts = await db.textMessage.findMany({ where: { fromPhone: { in: [unknown.e164, "+442079460958"] } }, orderBy: { id: "asc" } });
    expect(texts.map((t) => [t.body, t.leadId])).toEqual([
      ["Wrong number?", null],
      ["Hello from London", null],
    ]);
    expect({ events: await db.leadEvent.count({ where: { type: "text_received" } }), notices: await db.notification.count({ where: { kind: "text_reply" } }) }).toEqual(before);

    const list = await listUnmatchedTexts(boss);
    expect(list.total).toBeGreaterThanOrEqual(2);
    expect(list.texts.slice(0, 2).map((t) => [t.from, t.body])).toEqual([
      ["+442079460958", "Hello from London"],
      [unknown.e164, "Wrong number?"],
    ]);
    await expect(listUnmatchedTexts(repActor)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the texting hours setting", () => {
  const form = (textDays: string[], textStart: string, textEnd: string) => ({ textDays, textStart, textEnd });

  it("the manager sets it, audited; a rep gets 404; hours in the TCPA's quiet hours, an end before the start or no day are 400 and change nothing", async () => {
    const { actor: boss } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser();
    const before = (await getCompanySettings()).textSendingHours;
    try {
      await expect(setTextSendingHours.fromRequest(rep, form(["1"], "09:00", "17:00"))).rejects.toMatchObject({ code: "NOT_FOUND" });
      const refused: [ReturnType<typeof form>, string, RegExp][] = [
        [form(["1"], "07:30", "17:00"), "textStart", /between 08:00 and 21:00 \(TCPA quiet hours\)/],
        [form(["1"], "09:00", "21:30"), "textEnd", /between 08:00 and 21:00 \(TCPA quiet hours\)/],
        [form(["1"], "18:00", "09:00"), "textEnd", /ends after it starts/],
        [form([], "09:00", "17:00"), "textDays", /at least one/],
        [form(["1"], "9 am", "17:00"), "textStart", /HH:MM/],
      ];
      for (const [input, path, message] of refused) {
        const err = await setTextSendingHours.fromRequest(boss, input).catch((e: unknown) => e);
        expect(err).toMatchObject({ code: "BAD_REQUEST", issues: [{ path, message: expect.stringMatching(message) }] });
      }
      expect((await getCompanySettings()).textSendingHours).toEqual(before);
      expect(await db.auditLog.count({ where: { action: "settings.changed", targetId: "text_sending_hours", actorId: boss.id } })).toBe(0);

      await setTextSendingHours.fromRequest(boss, form(["6", "1", "2"], "08:00", "21:00"));
      expect((await getCompanySettings()).textSendingHours).toEqual({ days: [1, 2, 6], start: "08:00", end: "21:00" });
      const audit = await db.auditLog.findFirstOrThrow({ where: { action: "settings.changed", targetId: "text_sending_hours" }, orderBy: { id: "desc" } });
      expect(audit).toMatchObject({ actorId: boss.id, before, after: { days: [1, 2, 6], start: "08:00", end: "21:00" } });
    } finally {
      await openTextingHoursNow();
    }
  });
});

describe("texting hours", () => {
  const MONDAY_0730_CST = new Date("2026-12-07T13:30:00Z");

  it("refuse a manual text outside the hours in the lead's own zone, naming the next allowed time", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead } = await makeTextLead(rep.id, { state: "TX" });
    await expect(sendLeadText(actor, { leadId: lead.id, body: "Early bird" }, { now: MONDAY_0730_CST })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Outside texting hours: texts go out 08:00–21:00 in the lead's time zone; the next allowed time is Dec 7, 2026, 8:00 AM CST.",
    });
    // The same moment is 05:30 in California and 10:30 in New York.
    const { lead: ny } = await makeTextLead(rep.id, { state: "NY" });
    expect((await sendLeadText(actor, { leadId: ny.id, body: "Morning" }, { now: MONDAY_0730_CST })).status).toBe("sent");
    const { lead: ca } = await makeTextLead(rep.id, { state: "CA" });
    await expect(sendLeadText(actor, { leadId: ca.id, body: "Morning" }, { now: MONDAY_0730_CST })).rejects.toMatchObject({ message: expect.stringMatching(/8:00 AM PST/) });
    expect(await db.textMessage.count({ where: { leadId: { in: [lead.id, ca.id] } } })).toBe(0);
  });

  it("hold a deferred text (a sequence step) with its job at the allowed time", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead } = await makeTextLead(rep.id, { state: "TX" });
    const held = await sendLeadText(actor, { leadId: lead.id, body: "Sequence step" }, { outsideHours: "defer", now: MONDAY_0730_CST });
    expect(held).toMatchObject({ status: "queued", sendAfter: "2026-12-07T14:00:00.000Z" });
    const jobs = await db.$queryRawUnsafe<{ waits_s: number }[]>(
      `SELECT extract(epoch FROM start_after - created_on)::float AS waits_s FROM "${jobSchema}".job WHERE name = 'text-deliver' AND (data->>'messageId')::int = $1`,
      held.id,
    );
    // One job, waiting the half hour from 07:30 to 08:00 (counted on the real clock).
    expect(jobs).toHaveLength(1);
    expect(Math.round(jobs[0].waits_s / 60)).toBe(30);
    expect(fake.requests).toHaveLength(0);
    const { deliverTextMessage } = await import("@/lib/sms/deliver-text-message");
    expect((await deliverTextMessage(held.id, new Date("2026-12-07T13:59:00Z"))).retryAfterMs).toBe(60_000);
    expect((await deliverTextMessage(held.id, new Date("2026-12-07T14:00:00Z"))).message.status).toBe("sent");
    expect(fake.requests).toHaveLength(1);
  });

  it("use the company's zone when the lead's state is unknown", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead } = await makeTextLead(rep.id, { state: null });
    await db.$transaction((tx) => putCompanySetting(tx, "timeZone", "America/New_York"));
    try {
      await expect(sendLeadText(actor, { leadId: lead.id, body: "Hi" }, { now: new Date("2026-12-07T12:00:00Z") })).rejects.toMatchObject({
        message: expect.stringMatching(/in the company's time zone \(the lead's state is unknown\); the next allowed time is Dec 7, 2026, 8:00 AM EST/),
      });
    } finally {
      await openTextingHoursNow();
    }
  });
});

describe("outbox mode", () => {
  it("stores and shows the text as kept, and nothing leaves", async () => {
    useTextOutbox();
    const { user: rep, actor } = await makeUser();
    const { lead } = await makeTextLead(rep.id);
    const sent = await sendLeadText(actor, { leadId: lead.id, body: "Outbox text" });
    expect(sent).toMatchObject({ status: "simulated", outbox: true, twilioSid: null });
    expect(fake.requests).toHaveLength(0);
    const timeline = (await getLeadTimeline(actor, { lead_id: lead.id })).items;
    expect(timeline.find((t) => t.kind === "text")).toMatchObject({ data: { body: "Outbox text", status: "simulated", direction: "outbound" } });
  });
});
