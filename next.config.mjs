import { API_CONTENT_SECURITY_POLICY, staticSecurityHeaders } from "./lib/security/security-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Keep the PostgreSQL driver and Prisma's runtime out of the bundle: they load native/wasm parts.
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg", "@electric-sql/pglite", "@sendgrid/mail"],
  poweredByHeader: false,
  typedRoutes: false,
  // Pages get their Content-Security-Policy (with a nonce) from proxy.ts; everything gets these.
  async headers() {
    return [
      { source: "/:path*", headers: staticSecurityHeaders() },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
