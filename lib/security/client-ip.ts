// The client's address, as far as it can be known. Next's server fills X-Forwarded-For with the
// socket address only when the request has none, so without a proxy in front a client can write
// any value there: it is read only when TRUST_PROXY=1 says a proxy we run sets it. Behind such a
// proxy the right-most entry is the one our proxy appended (entries to its left are the client's
// own claims). Without TRUST_PROXY every request counts as one client, "unknown": limits keyed by
// IP then apply to the whole site, which errs on the safe side.
type THeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: THeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientIp(headers: THeaderBag): string {
  if (process.env.TRUST_PROXY !== "1") return "unknown";
  const forwarded = header(headers, "x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .pop();
  return last ? last.slice(0, 64) : "unknown";
}
