import fs from "node:fs";
import path from "node:path";

// The route a request hit, as its file names it (`/admin/crm/lead/[id]`), for the request log:
// grouping by route is what a log search needs, and a path's own segments may be secrets (the
// inbound-mail endpoint's `[secret]`) or personal. A production build lists its dynamic routes with
// a regex each in routes-manifest.json; without one (dev) segments that look like values are masked.
type TDynamicRoute = { page: string; regex: string };
type TMatcher = { page: string; re: RegExp }[];

const VALUE_SEGMENT = /^(\d+|[^/]{24,}|.*\d.*\d.*\d.*)$/;

function loadMatchers(distDir: string): TMatcher | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")) as {
      dynamicRoutes?: TDynamicRoute[];
    };
    return (manifest.dynamicRoutes ?? []).map((r) => ({ page: r.page, re: new RegExp(r.regex) }));
  } catch {
    return null;
  }
}

/** Returns a function from a request URL to its route pattern; static paths are their own route. */
export function createRoutePattern(distDir: string): (url: string | undefined) => string {
  const matchers = loadMatchers(distDir);
  return (url) => {
    const pathname = (url ?? "/").split("?")[0] || "/";
    if (pathname.startsWith("/_next/"))
      return pathname.startsWith("/_next/static/") ? "/_next/static/[asset]" : "/_next/[internal]";
    if (matchers) {
      for (const m of matchers) if (m.re.test(pathname)) return m.page;
      return pathname;
    }
    return pathname
      .split("/")
      .map((segment) => (VALUE_SEGMENT.test(segment) ? "[value]" : segment))
      .join("/");
  };
}
