// Request bodies on every route handler that reads one (issue #14): over its limit a 413 (the
// stream is cut, no Content-Length needed), malformed or deeply nested JSON a 400, another
// media type a 415 — never a 5xx, and nothing written.
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { POST as addAction } from "@/app/admin/crm/add-action/[id]/route";
import { POST as assignLeadRoute } from "@/app/admin/crm/assign-lead/[id]/route";
import { POST as convertLeadRoute } from "@/app/admin/crm/convert-lead/[id]/route";
import { POST as lostLeadRoute } from "@/app/admin/crm/lost-lead/[id]/route";
import { POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { POST as sendgridEvents } from "@/app/api/webhooks/sendgrid/route";
import { POST as sendgridInbound } from "@/app/api/webhooks/sendgrid/inbound/[secret]/route";
import { proxy } from "../../proxy";
import {
  AUTH_BODY_LIMIT,
  SERVER_ACTION_BODY_LIMIT,
  LEAD_ENDPOINT_BODY_LIMIT,
  LEAD_WEBHOOK_BODY_LIMIT,
  SENDGRID_EVENTS_BODY_LIMIT,
  SENDGRID_INBOUND_BODY_LIMIT,
} from "@/lib/http/body-limits.mjs";
import { makeLead, makeUser } from "../fixtures/factories";
import { leadState } from "../fixtures/lead-state";
import { params, routeRequest } from "../fixtures/route-request";
import { companyFor, leadEvent, newSecret, signedRequest } from "../fixtures/lead-webhook";
import { eventRequest, makeSendgridKeys, signEvents } from "../fixtures/email";

const LEAD_SECRET = newSecret();
const INBOUND_SECRET = "inbound-secret-body-limits-0123";
const keys = makeSendgridKeys();
process.env.LEAD_WEBHOOK_SECRET = LEAD_SECRET;

let leadWebhook: typeof import("@/app/api/webhooks/leads/route").POST;
beforeAll(async () => {
  process.env.SENDGRID_EVENT_PUBLIC_KEY = keys.publicKey;
  process.env.SENDGRID_INBOUND_SECRET = INBOUND_SECRET;
  ({ POST: leadWebhook } = await import("@/app/api/webhooks/leads/route"));
});

/** 10 000 nested arrays: parsing, validating or storing it would recurse 10 000 levels deep. */
const nested = (levels: number) => "[".repeat(levels) + "]".repeat(levels);
const DEEP = nested(10_000);
const withDeep = (json: object, deep = DEEP) => JSON.stringify(json).replace(/}$/, `,"deep":${deep}}`);
const padded = (json: object, bytes: number) => JSON.stringify({ ...json, padding: "x".repeat(bytes) });

type TSeedCase = [string, typeof addAction, "assigned" | "in_progress", Record<string, string>];
const seedEndpoints: TSeedCase[] = [
  ["add-action", addAction, "assigned", { action_type: "email" }],
  ["assign-lead", assignLeadRoute, "assigned", {}],
  ["convert-lead", convertLeadRoute, "in_progress", { conversion_value: "100" }],
  ["lost-lead", lostLeadRoute, "in_progress", { reason: "No budget" }],
];

describe("seed endpoints /admin/crm/<verb>/[id]", () => {
  it.each(seedEndpoints)("%s: 413 past the limit, 400 for malformed, deep or non-object JSON, 415 for other types; then 200", async (_name, handler, status, valid) => {
    const { user } = await makeUser();
    // assign-lead claims a pool lead; the others act on the rep's own lead.
    const lead = handler === assignLeadRoute ? await makeLead() : await makeLead({ status, assignedAdminId: user.id });
    const before = await leadState(lead.id);
    const send = async (body: string, contentType = "application/json") => {
      const res = await handler(await routeRequest(`/admin/crm/x/${lead.id}`, { userId: user.id, body, contentType }), params({ id: String(lead.id) }));
      const json = await res.json();
      if (res.status >= 400) expect(json.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
      return res.status;
    };
    expect(await send(padded(valid, LEAD_ENDPOINT_BODY_LIMIT + 1))).toBe(413);
    expect(await send(new URLSearchParams({ ...valid, padding: "x".repeat(LEAD_ENDPOINT_BODY_LIMIT) }).toString(), "application/x-www-form-urlencoded")).toBe(413);
    expect(await send(JSON.stringify(valid).slice(0, -1) + ',"notes":"cut off')).toBe(400);
    expect(await send(withDeep(valid))).toBe(400);
    expect(await send("[1, 2]")).toBe(400);
    expect(await send("")).toBe(400);
    expect(await send(JSON.stringify(valid), "text/plain")).toBe(415);
    expect(await leadState(lead.id)).toEqual(before);
    // Brackets inside strings are text, not nesting; just under the limit is fine.
    expect(await send(padded({ ...valid, notes: "[".repeat(200) }, LEAD_ENDPOINT_BODY_LIMIT - 500))).toBe(200);
  });
});

describe("POST /api/webhooks/leads", () => {
  it("413 past the limit, 400 for signed malformed or deep JSON; nothing written", async () => {
    const event = leadEvent("quote", { company: companyFor() });
    expect((await leadWebhook(signedRequest({ ...event, padding: "x".repeat(LEAD_WEBHOOK_BODY_LIMIT) }, { secret: LEAD_SECRET }).request)).status).toBe(413);
    const truncated = await leadWebhook(signedRequest(JSON.stringify(event).slice(0, -10), { secret: LEAD_SECRET }).request);
    expect(truncated.status).toBe(400);
    const deep = await leadWebhook(signedRequest(withDeep(event), { secret: LEAD_SECRET }).request);
    expect(deep.status).toBe(400);
    expect((await deep.json()).error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("nested") });
    expect(await db.company.count({ where: { externalId: event.company.external_id } })).toBe(0);
  });
});

describe("POST /api/webhooks/sendgrid (events)", () => {
  const signed = (body: string) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    return eventRequest(body, {
      "X-Twilio-Email-Event-Webhook-Signature": signEvents(keys.privateKey, body, timestamp),
      "X-Twilio-Email-Event-Webhook-Timestamp": timestamp,
    });
  };
  it("413 past the limit, 400 for signed malformed or deep JSON", async () => {
    const big = await sendgridEvents(eventRequest(JSON.stringify([{ event: "open", padding: "x".repeat(SENDGRID_EVENTS_BODY_LIMIT) }])));
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect((await sendgridEvents(signed('[{"event":"open","email":"a@b.c"'))).status).toBe(400);
    const deep = await sendgridEvents(signed(`[${DEEP}]`));
    expect(deep.status).toBe(400);
    expect((await deep.json()).error.code).toBe("BAD_REQUEST");
  });
});

describe("POST /api/webhooks/sendgrid/inbound/[secret]", () => {
  const inbound = (body: string | FormData, contentType?: string) =>
    sendgridInbound(
      new NextRequest(`http://localhost/api/webhooks/sendgrid/inbound/${INBOUND_SECRET}`, {
        method: "POST",
        body,
        ...(contentType ? { headers: { "content-type": contentType } } : {}),
      }),
      { params: Promise.resolve({ secret: INBOUND_SECRET }) },
    );
  it("413 past the limit, 400 for a body that is not the multipart it claims", async () => {
    const form = new FormData();
    form.append("text", "x".repeat(SENDGRID_INBOUND_BODY_LIMIT));
    const big = await inbound(form);
    expect(big.status).toBe(413);
    const garbage = await inbound("this is not multipart", "multipart/form-data; boundary=----nope");
    expect(garbage.status).toBe(400);
    expect((await garbage.json()).error).toMatchObject({ code: "BAD_REQUEST", message: expect.any(String) });
    expect((await inbound("{}", "application/json")).status).toBe(415);
  });
});

describe("POST /api/auth/*", () => {
  const auth = (body: string, contentType = "application/json") =>
    authPost(
      new NextRequest("http://localhost:3000/api/auth/callback/credentials", { method: "POST", body, headers: { "content-type": contentType } }),
      { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
    );
  it("413 past the limit, 400 for malformed, deep or non-object JSON", async () => {
    const { user } = await makeUser();
    const fields = { email: user.email, password: "wrong password 123", csrfToken: "x" };
    expect((await auth(padded(fields, AUTH_BODY_LIMIT))).status).toBe(413);
    expect((await auth(new URLSearchParams({ ...fields, padding: "x".repeat(AUTH_BODY_LIMIT) }).toString(), "application/x-www-form-urlencoded")).status).toBe(413);
    expect((await auth(JSON.stringify(fields).slice(0, -2))).status).toBe(400);
    // 20 KB of brackets would be refused for size first: 1 000 levels fit in the limit.
    expect((await auth(withDeep(fields, nested(1_000)))).status).toBe(400);
    expect((await auth("[]")).status).toBe(400);
    // None of these counted as a sign-in attempt.
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "auth.login_failed" } })).toBe(0);
  });
});

describe("server actions (proxy.ts, before Next decodes them)", () => {
  it("answers a declared length over serverActions.bodySizeLimit with 413; at the limit the action goes on", async () => {
    const action = (length: number) =>
      proxy(new NextRequest("http://localhost:3000/login", { method: "POST", headers: { "next-action": "0".repeat(42), "content-length": String(length) } }));
    const refused = await action(SERVER_ACTION_BODY_LIMIT + 1);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: expect.any(String) } });
    expect((await action(SERVER_ACTION_BODY_LIMIT)).status).toBe(200);
  });
});
