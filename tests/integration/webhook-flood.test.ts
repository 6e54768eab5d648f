import { POST as leadWebhook } from "@/app/api/webhooks/leads/route";
import { POST as sendgridEvents } from "@/app/api/webhooks/sendgrid/route";
import { leadEvent, newSecret, signedRequest } from "../fixtures/lead-webhook";
import { uid } from "../fixtures/factories";
import { NextRequest } from "next/server";

// A low per-source limit for this file only (read when its limiter is first made).
beforeAll(() => {
  process.env.TRUST_PROXY = "1";
  process.env.WEBHOOK_RATE_LIMIT_PER_MINUTE = "3";
  process.env.LEAD_WEBHOOK_SECRET = newSecret();
});

function fromSource(signed: { raw: string; request: NextRequest }, ip: string): NextRequest {
  const headers = new Headers(signed.request.headers);
  headers.set("x-forwarded-for", ip);
  return new NextRequest(signed.request.url, { method: "POST", headers, body: signed.raw });
}

describe("webhook flood limit", () => {
  it("refuses a flood from one source with 429 before any signature work; other sources are unaffected", async () => {
    const flooder = `192.0.2.${uid()}`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await leadWebhook(fromSource(signedRequest(leadEvent("quote"), { secret: newSecret() }), flooder));
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // The same source is refused on the other webhook endpoints too.
    const sg = await sendgridEvents(new NextRequest("http://localhost/api/webhooks/sendgrid", { method: "POST", body: "[]", headers: { "x-forwarded-for": flooder } }));
    expect(sg.status).toBe(429);

    const good = await leadWebhook(fromSource(signedRequest(leadEvent("quote"), { secret: process.env.LEAD_WEBHOOK_SECRET! }), `192.0.2.${uid()}`));
    expect(good.status).toBe(202);
  });
});
