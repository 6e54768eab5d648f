// Body limits on the running production server (next.config.mjs, proxy.ts, lib/http/read-body.ts):
// what the integration tests cannot reach, because Next itself handles it before our code runs.
import { BASE_URL } from "./browser";
import { LEAD_WEBHOOK_BODY_LIMIT, SERVER_ACTION_BODY_LIMIT } from "@/lib/http/body-limits.mjs";

describe("request body limits on the real server", () => {
  it("answers a server action over serverActions.bodySizeLimit with 413, before Next decodes it", async () => {
    const res = await fetch(`${BASE_URL}/login`, {
      method: "POST",
      headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", origin: BASE_URL },
      body: "x".repeat(SERVER_ACTION_BODY_LIMIT + 1),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: expect.any(String) } });
  });

  it("answers an oversized or deeply nested webhook body with 413 or 400, never a 5xx", async () => {
    const big = await fetch(`${BASE_URL}/api/webhooks/leads`, { method: "POST", headers: { "content-type": "application/json" }, body: "[" + "1,".repeat(LEAD_WEBHOOK_BODY_LIMIT) + "1]" });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    // Unsigned: the signature is checked before the JSON, so a small malformed body is a 401, not a 5xx.
    const deep = await fetch(`${BASE_URL}/api/webhooks/leads`, { method: "POST", headers: { "content-type": "application/json" }, body: "[".repeat(10_000) });
    expect(deep.status).toBe(401);
  });
});
