// The request log of a real server: one JSON line per request with method, route, status,
// duration, user and request id (echoed in X-Request-Id) — and never a secret, password, session
// token, webhook secret or API key, whatever the requests carry or however they fail.
import crypto from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { leadEvent, newSecret, signedRequest } from "../fixtures/lead-webhook";
import { opsPort, startAppServer, type TAppServer } from "./fixtures/app-server";
import { signIn } from "./fixtures/login";
import { createOpsDatabase, type TOpsDatabase } from "./fixtures/ops-database";

const secrets = {
  nextAuth: `nextauth-${crypto.randomBytes(16).toString("hex")}`,
  webhook: newSecret(),
  sendgridKey: `SG.opskey-${crypto.randomBytes(12).toString("hex")}.${crypto.randomBytes(20).toString("hex")}`,
  inbound: `inbound-${crypto.randomBytes(16).toString("hex")}`,
  password: `pw-${crypto.randomBytes(12).toString("hex")}`,
  wrongPassword: `wrong-${crypto.randomBytes(12).toString("hex")}`,
};

let database: TOpsDatabase;
let server: TAppServer;
let email: string;
let userId: number;

beforeAll(async () => {
  database = await createOpsDatabase("pilot_crm_ops_logs");
  email = `logs_${crypto.randomBytes(4).toString("hex")}@test.example`;
  const user = await db.user.create({
    data: { email, name: "Log Tester", role: "admin", passwordHash: await hashPassword(secrets.password) },
  });
  userId = user.id;
  server = await startAppServer({
    port: opsPort(0),
    env: {
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: secrets.nextAuth,
      LEAD_WEBHOOK_SECRET: secrets.webhook,
      SENDGRID_API_KEY: secrets.sendgridKey,
      SENDGRID_FROM: "sales@pilot-crm.test",
      SENDGRID_API_BASE_URL: "http://127.0.0.1:9",
      SENDGRID_INBOUND_DOMAIN: "reply.pilot-crm.test",
      SENDGRID_INBOUND_SECRET: secrets.inbound,
    },
  });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

it("logs every request as one JSON line and never a secret", async () => {
  const { url } = server;
  const sentTokens: string[] = [];

  // Sign-ins: a wrong password, then the right one.
  await signIn(url, email, secrets.wrongPassword);
  const session = await signIn(url, email, secrets.password);
  expect(session.sessionToken).toBeTruthy();
  sentTokens.push(session.sessionToken!);

  // A page and seed endpoints with the session: found, not found, bad input.
  const page = await fetch(`${url}/admin/crm`, {
    headers: { cookie: session.cookie, "x-request-id": "req-from-proxy-42" },
  });
  expect(page.status).toBe(200);
  expect(page.headers.get("x-request-id")).toBe("req-from-proxy-42");
  const json = {
    "content-type": "application/json",
    cookie: session.cookie,
    authorization: `Bearer ${session.sessionToken}`,
  };
  expect(
    (await fetch(`${url}/admin/crm/assign-lead/999999999`, { method: "POST", headers: json, body: "{}" }))
      .status,
  ).toBe(404);
  expect(
    (
      await fetch(`${url}/admin/crm/lost-lead/999999999`, {
        method: "POST",
        headers: json,
        body: `{"reason": ${JSON.stringify(secrets.password)}`,
      })
    ).status,
  ).toBe(400);

  // Lead webhooks: signed, then signed with another secret.
  const valid = signedRequest(leadEvent("load_plan"), { secret: secrets.webhook });
  sentTokens.push(valid.request.headers.get("webhook-signature")!);
  const accepted = await fetch(`${url}/api/webhooks/leads`, {
    method: "POST",
    headers: valid.request.headers,
    body: valid.raw,
  });
  expect(accepted.status).toBe(202);
  const forged = signedRequest(leadEvent("quote"), { secret: newSecret() });
  expect(
    (
      await fetch(`${url}/api/webhooks/leads`, {
        method: "POST",
        headers: forged.request.headers,
        body: forged.raw,
      })
    ).status,
  ).toBe(401);

  // Inbound mail: the secret is a path segment, right and wrong.
  const form = new FormData();
  form.set("to", "replies+unknown@reply.pilot-crm.test");
  form.set("text", "hello");
  expect(
    (await fetch(`${url}/api/webhooks/sendgrid/inbound/${secrets.inbound}`, { method: "POST", body: form }))
      .status,
  ).toBe(200);
  expect(
    (await fetch(`${url}/api/webhooks/sendgrid/inbound/${secrets.inbound}x`, { method: "POST", body: form }))
      .status,
  ).toBe(401);

  // The last request's line is written when its answer is done: wait for it, then read them all.
  await server.waitForLog(
    (l) => l.msg === "request" && l.status === 401 && l.route === "/api/webhooks/sendgrid/inbound/[secret]",
  );
  const requests = server.logLines().filter((l) => l.msg === "request");
  expect(requests.find((l) => l.reqId === "req-from-proxy-42")).toMatchObject({
    method: "GET",
    route: "/admin/crm",
    status: 200,
    userId,
  });
  expect(requests.find((l) => l.route === "/admin/crm/assign-lead/[id]")).toMatchObject({
    method: "POST",
    status: 404,
    userId,
  });
  expect(requests.find((l) => l.route === "/api/webhooks/leads" && l.status === 202)).toMatchObject({
    method: "POST",
  });
  for (const line of requests) {
    expect(typeof line.ms).toBe("number");
    expect(String(line.reqId)).toMatch(/\S/);
  }

  const output = server.output();
  const webhookKey = secrets.webhook.replace(/^whsec_/, "");
  for (const secret of [...Object.values(secrets), webhookKey, ...sentTokens])
    expect(output).not.toContain(secret);
});
