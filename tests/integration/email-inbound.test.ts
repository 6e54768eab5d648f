import { NextRequest } from "next/server";
import { POST } from "@/app/api/webhooks/sendgrid/inbound/[secret]/route";
import { db } from "@/lib/db";
import { getResponseRates } from "@/lib/email/get-response-rates";
import { sendLeadEmail } from "@/lib/email/send-lead-email";
import { makeUser, uid } from "../fixtures/factories";
import { startFakeSendgrid, type TFakeSendgrid } from "../fixtures/fake-sendgrid";
import { makeEmailLead, TEST_INBOUND_DOMAIN, useFakeSendgrid } from "../fixtures/email";

const SECRET = "inbound-secret-0123456789";
let fake: TFakeSendgrid;
beforeAll(async () => {
  fake = await startFakeSendgrid();
  useFakeSendgrid(fake);
  process.env.SENDGRID_INBOUND_SECRET = SECRET;
});
afterAll(() => fake.close());

/** A reply as SendGrid Inbound Parse posts it: multipart form data. */
function inboundRequest(secret: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("attachment1", new Blob(["%PDF-1.4"], { type: "application/pdf" }), "quote.pdf");
  return POST(new NextRequest(`http://localhost/api/webhooks/sendgrid/inbound/${secret}`, { method: "POST", body: form }), { params: Promise.resolve({ secret }) });
}

function replyTo(token: string, extra: Record<string, string> = {}) {
  return {
    from: "Dana Reyes <dana@carrier.example>",
    to: `Alex Rivera <replies+${token}@${TEST_INBOUND_DOMAIN}>`,
    subject: "Re: Escorts",
    text: "Sounds good, book it for the 2nd.\n\nOn Tue, Dec 1, 2026 at 9:00 AM Alex Rivera wrote:\n> Hi Dana",
    envelope: JSON.stringify({ to: [`replies+${token}@${TEST_INBOUND_DOMAIN}`], from: "dana@carrier.example" }),
    headers: `Received: from mx\nMessage-ID: <${uid()}@mail.carrier.example>\nSubject: Re: Escorts`,
    ...extra,
  };
}

async function send(actor: Awaited<ReturnType<typeof makeUser>>["actor"], repId: number) {
  const { lead } = await makeEmailLead(repId);
  const r = await sendLeadEmail(actor, { leadId: lead.id, subject: "Escorts", body: "Hi {{contact_first_name}}" });
  return { lead, message: await db.emailMessage.findUniqueOrThrow({ where: { id: r.id } }) };
}

describe("SendGrid Inbound Parse replies", () => {
  it("refuses a wrong secret in the path", async () => {
    const res = await inboundRequest("wrong-secret", replyTo("0".repeat(32)));
    expect(res.status).toBe(401);
  });

  it("matches a reply by its token, records it once, and counts it in the rep's response rate", async () => {
    const { user: rep, actor } = await makeUser();
    const { lead, message } = await send(actor, rep.id);
    await send(actor, rep.id);
    expect(await getResponseRates(actor)).toEqual([{ repId: rep.id, repName: rep.name, sent: 2, replied: 0, rate: 0 }]);

    const reply = replyTo(message.replyToken);
    const res = await inboundRequest(SECRET, reply);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ matched: true, messageId: message.id, duplicate: false });
    const m = await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(m.status).toBe("replied");
    expect(m.repliedAt).not.toBeNull();
    const events = await db.leadEvent.findMany({ where: { leadId: lead.id, type: "email_replied" } });
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ messageId: message.id, from: reply.from, snippet: "Sounds good, book it for the 2nd." });

    // Inbound Parse retries a post it thinks failed: the same Message-ID is recorded once.
    expect(await (await inboundRequest(SECRET, reply)).json()).toMatchObject({ matched: true, duplicate: true });
    expect(await db.leadEvent.count({ where: { leadId: lead.id, type: "email_replied" } })).toBe(1);
    expect(await getResponseRates(actor)).toEqual([{ repId: rep.id, repName: rep.name, sent: 2, replied: 1, rate: 0.5 }]);
  });

  it("acknowledges mail without a known token and records nothing", async () => {
    const res = await inboundRequest(SECRET, replyTo("f".repeat(32), { to: "someone@elsewhere.example", envelope: "{}" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ matched: false });
  });

  it("gives the manager every rep's response rate and a rep only their own", async () => {
    const { user: a, actor: actorA } = await makeUser();
    const { user: b, actor: actorB } = await makeUser();
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { message } = await send(actorA, a.id);
    await send(actorB, b.id);
    await inboundRequest(SECRET, replyTo(message.replyToken));
    const all = await getResponseRates(manager);
    expect(all.find((r) => r.repId === a.id)).toMatchObject({ sent: 1, replied: 1, rate: 1 });
    expect(all.find((r) => r.repId === b.id)).toMatchObject({ sent: 1, replied: 0, rate: 0 });
    expect((await getResponseRates(actorB)).map((r) => r.repId)).toEqual([b.id]);
    // A bounced email never reached anyone: it is not counted as sent (as on the analytics page).
    await db.emailMessage.updateMany({ where: { senderId: b.id }, data: { status: "bounced" } });
    expect(await getResponseRates(actorB)).toEqual([expect.objectContaining({ sent: 0, replied: 0, rate: null })]);
  });
});
