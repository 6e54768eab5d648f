import { API_CONTENT_SECURITY_POLICY, staticSecurityHeaders } from "./lib/security/security-headers.mjs";
import { PROXY_BODY_LIMIT, SERVER_ACTION_BODY_LIMIT } from "./lib/http/body-limits.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Keep the PostgreSQL driver and Prisma's runtime out of the bundle: they load native/wasm parts.
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg", "@electric-sql/pglite", "@sendgrid/mail"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // Request bodies (lib/http/body-limits.mjs says why each number): server actions past the
    // limit are refused by Next before they are decoded (proxy.ts answers 413 first when the
    // length is declared); the proxy buffers no more than PROXY_BODY_LIMIT of any request.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
    proxyClientMaxBodySize: PROXY_BODY_LIMIT,
  },
  // Pages get their Content-Security-Policy (with a nonce) from proxy.ts; everything gets these.
  async headers() {
    return [
      { source: "/:path*", headers: staticSecurityHeaders() },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
