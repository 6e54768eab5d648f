// The security headers of every response (ASVS V3.4), in one place: next.config.mjs sends the
// static ones on every path, proxy.ts adds the per-request Content-Security-Policy to pages.
// Plain JavaScript because next.config.mjs loads it before anything is compiled.

/** True when the app is served over https (NEXTAUTH_URL is the public URL). */
export function servedOverHttps(publicUrl = process.env.NEXTAUTH_URL) {
  return (publicUrl ?? "").startsWith("https://");
}

/** Headers for every response, pages and APIs alike. */
export function staticSecurityHeaders(https = servedOverHttps()) {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ...(https ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}

/** What an API answer needs: it is never a document, so nothing may load or frame it. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * A page's policy. Next puts the nonce it reads from this header on its own inline and chunk
 * scripts; 'strict-dynamic' lets those load the rest. React needs eval only in development.
 * Inline style attributes stay allowed (charts set them); scripts are what the policy guards.
 */
export function pageContentSecurityPolicy(nonce, { dev = process.env.NODE_ENV === "development", https = servedOverHttps() } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
