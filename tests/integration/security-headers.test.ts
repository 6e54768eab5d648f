import { NextRequest } from "next/server";
import nextConfig from "../../next.config.mjs";
import { proxy, config } from "../../proxy";
import { pageContentSecurityPolicy, staticSecurityHeaders } from "@/lib/security/security-headers.mjs";
import { sessionCookie } from "../fixtures/route-request";
import { makeUser } from "../fixtures/factories";

const directives = (csp: string) => Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

describe("Content-Security-Policy on pages (proxy.ts)", () => {
  it("gives every page request a fresh nonce, passed to Next and sent to the browser", async () => {
    const { user } = await makeUser();
    const first = await proxy(new NextRequest("http://localhost:3000/admin/crm", { headers: { cookie: await sessionCookie(user.id) } }));
    const second = await proxy(new NextRequest("http://localhost:3000/login"));
    const a = directives(first.headers.get("content-security-policy")!);
    const b = directives(second.headers.get("content-security-policy")!);
    const nonce = a["script-src"].find((s: string) => s.startsWith("'nonce-"));
    expect(nonce).toBeDefined();
    expect(b["script-src"]).not.toContain(nonce);
    // Next reads the nonce from the request's CSP header (forwarded as x-middleware-request-*).
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(first.headers.get("content-security-policy"));
    expect(a["script-src"]).toEqual(expect.arrayContaining(["'self'", "'strict-dynamic'"]));
    expect(a["script-src"]).not.toContain("'unsafe-eval'");
    expect(a["script-src"]).not.toContain("'unsafe-inline'");
    expect(a["frame-ancestors"]).toEqual(["'none'"]);
    expect(a["object-src"]).toEqual(["'none'"]);
    // ASVS 5.0 3.4.3 names both: object-src 'none' and base-uri 'none'.
    expect(a["base-uri"]).toEqual(["'none'"]);
  });

  it("keeps sending anonymous visitors of /admin to the login page, with the policy", async () => {
    const res = await proxy(new NextRequest("http://localhost:3000/admin/crm/leads?status=pending"));
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get("location")!).searchParams.get("callbackUrl")).toBe("/admin/crm/leads?status=pending");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const post = await proxy(new NextRequest("http://localhost:3000/admin/crm/assign-lead/1", { method: "POST" }));
    expect(post.status).toBe(401);
  });

  it("allows eval only in development and upgrades requests behind https", () => {
    expect(pageContentSecurityPolicy("n", { dev: true, https: false })).toContain("'unsafe-eval'");
    expect(pageContentSecurityPolicy("n", { dev: false, https: true })).toContain("upgrade-insecure-requests");
  });

  it("matches pages but not the API, static files or prefetches", () => {
    const [{ source }] = config.matcher;
    const re = new RegExp(`^${source}$`);
    expect(re.test("/login")).toBe(true);
    expect(re.test("/admin/crm/leads")).toBe(true);
    expect(re.test("/api/auth/csrf")).toBe(false);
    expect(re.test("/_next/static/chunks/app.js")).toBe(false);
  });
});

describe("headers on every response (next.config.mjs)", () => {
  it("sends nosniff, Referrer-Policy, Permissions-Policy and frame refusal everywhere, a closed policy on the API, no X-Powered-By", async () => {
    expect(nextConfig.poweredByHeader).toBe(false);
    const rules = await nextConfig.headers!();
    const all = Object.fromEntries(rules.find((r) => r.source === "/:path*")!.headers.map((h) => [h.key, h.value]));
    expect(all).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
    expect(all["Permissions-Policy"]).toContain("camera=()");
    const api = rules.find((r) => r.source === "/api/:path*")!.headers;
    expect(api).toEqual([{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }]);
  });

  it("adds HSTS only when served over https", () => {
    expect(staticSecurityHeaders(true).map((h) => h.key)).toContain("Strict-Transport-Security");
    expect(staticSecurityHeaders(false).map((h) => h.key)).not.toContain("Strict-Transport-Security");
  });
});
