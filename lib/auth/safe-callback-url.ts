// Where a sign-in may send the user afterwards: only a path on this site. Absolute URLs,
// protocol-relative ones ("//evil.example"), backslash tricks ("/\\evil.example") and anything
// that would parse to another origin fall back to the dashboard.
export const DEFAULT_AFTER_LOGIN = "/admin/crm";

export function safeCallbackUrl(raw: string | null | undefined, fallback = DEFAULT_AFTER_LOGIN): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return fallback;
  try {
    const base = "http://site.invalid";
    const url = new URL(raw, base);
    return url.origin === base ? url.pathname + url.search + url.hash : fallback;
  } catch {
    return fallback;
  }
}

/** next-auth's redirect callback: relative paths and this site's own URLs only. */
export function sameSiteRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  if (url.startsWith("/")) return baseUrl + safeCallbackUrl(url, "/");
  try {
    if (new URL(url).origin === new URL(baseUrl).origin) return url;
  } catch {
    // fall through
  }
  return baseUrl;
}
