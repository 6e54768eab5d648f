/** @type {import('next').NextConfig} */
const nextConfig = {
  // Keep the PostgreSQL driver and Prisma's runtime out of the bundle: they load native/wasm parts.
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg", "@electric-sql/pglite", "@sendgrid/mail"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
