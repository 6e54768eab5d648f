import { US_STATES } from "@/lib/geo/us-states";
import type { TLeadSource } from "@/lib/leads/lead-vocabulary";
import { formatMoney, formatNumber } from "@/components/leads/format";

// What the free tool sent, said the way a rep would say it on the phone: never raw JSON.
type TData = Record<string, unknown>;
const obj = (v: unknown): TData | null =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as TData) : null;
const str = (v: unknown): string | null =>
  typeof v === "string" && v.trim() ? v : typeof v === "number" ? String(v) : null;
const num = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v)
    ? v
    : typeof v === "string" && v.trim() && !Number.isNaN(Number(v))
      ? Number(v)
      : null;
const humanize = (s: string) => s.replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase());

function place(v: unknown): string | null {
  const p = obj(v);
  if (!p) return str(v);
  return [str(p.city), str(p.state)].filter(Boolean).join(", ") || null;
}

function stateList(v: unknown, plain = false): React.ReactNode {
  if (!Array.isArray(v) || !v.length) return null;
  if (plain) return v.map(String).join(", ");
  return v.map((s, i) => (
    <span key={`${s}-${i}`}>
      {i > 0 ? ", " : null}
      <abbr title={US_STATES[String(s)]?.name ?? String(s)} className="no-underline">
        {String(s)}
      </abbr>
    </span>
  ));
}

function dateText(v: unknown): string | null {
  const s = str(v);
  if (!s || !/^\d{4}-\d{2}-\d{2}/.test(s)) return s;
  return new Date(`${s.slice(0, 10)}T12:00:00Z`).toLocaleDateString("en-US", {
    timeZone: "UTC",
    weekday: "short",
    month: "short",
    day: "numeric",
    year: "numeric",
  });
}

type TRow = [label: string, value: React.ReactNode];

function routeRows(route: TData | null, plain: boolean): TRow[] {
  if (!route) return [];
  const from = place(route.origin);
  const to = place(route.destination);
  const miles = num(route.miles);
  const rows: TRow[] = [];
  if (from || to)
    rows.push(["Route", `${from ?? "?"} → ${to ?? "?"}${miles ? ` · ${formatNumber(miles)} mi` : ""}`]);
  else if (miles) rows.push(["Distance", `${formatNumber(miles)} mi`]);
  const states = stateList(route.states, plain);
  if (states) rows.push(["States on the route", states]);
  return rows;
}

function loadRows(load: TData | null): TRow[] {
  if (!load) return [];
  const dims = [
    ["length_ft", "L"],
    ["width_ft", "W"],
    ["height_ft", "H"],
  ]
    .map(([k, l]) => (num(load[k]) !== null ? `${num(load[k])} ft ${l}` : null))
    .filter(Boolean);
  const weight = num(load.weight_lbs);
  const rows: TRow[] = [];
  if (str(load.description)) rows.push(["Load", str(load.description)]);
  if (dims.length) rows.push(["Dimensions", dims.join(" × ")]);
  if (weight !== null) rows.push(["Weight", `${formatNumber(weight)} lbs`]);
  return rows;
}

// Shown by the rows above, or bookkeeping of our own: `history` is the ingest's list of the
// lead's latest events (lib/ingest), not something the customer asked for.
const KNOWN = new Set([
  "history",
  "route",
  "load",
  "road_types",
  "pickup",
  "delivery",
  "car_types",
  "cars",
  "miles",
  "total_cost",
  "total",
  "step",
  "location",
  "shared_with",
  "note",
  "order_id",
]);

// A nested value of an unknown field, in words: never "[object Object]".
function words(v: unknown): string {
  if (Array.isArray(v)) return v.map(words).join(", ");
  if (v && typeof v === "object") return place(v) ?? `${Object.keys(v).length} details`;
  return String(v);
}

function otherRows(data: TData): TRow[] {
  return Object.entries(data)
    .filter(([k, v]) => !KNOWN.has(k) && v !== null && v !== undefined && v !== "")
    .map(([k, v]): TRow => {
      if (Array.isArray(v))
        return [
          humanize(k),
          v.map((x) => (x && typeof x === "object" ? words(x) : humanize(String(x)))).join(", "),
        ];
      if (typeof v === "object")
        return [
          humanize(k),
          place(v) ??
            Object.entries(v as TData)
              .filter(([, b]) => b !== null && b !== undefined && b !== "")
              .map(([a, b]) => `${humanize(a)}: ${words(b)}`)
              .join(" · "),
        ];
      if (typeof v === "boolean") return [humanize(k), v ? "Yes" : "No"];
      return [humanize(k), String(v)];
    });
}

/** The details as labelled rows; `plain` gives text only (state codes without their names). */
export function serviceRows(source: TLeadSource, data: TData, plain = false): TRow[] {
  const rows: TRow[] = [];
  if (source === "quote" || obj(data.pickup) || obj(data.delivery)) {
    const pickup = obj(data.pickup);
    const delivery = obj(data.delivery);
    if (pickup)
      rows.push([
        "Pickup",
        `${place(pickup) ?? "?"}${dateText(pickup.date) ? ` on ${dateText(pickup.date)}` : ""}`,
      ]);
    if (delivery)
      rows.push([
        "Delivery",
        `${place(delivery) ?? "?"}${dateText(delivery.date) ? ` on ${dateText(delivery.date)}` : ""}`,
      ]);
    if (pickup && delivery)
      rows.push([
        "States on the route",
        stateList([str(pickup.state), str(delivery.state)].filter(Boolean), plain),
      ]);
  }
  rows.push(...routeRows(obj(data.route), plain));
  if (num(data.miles) !== null && !obj(data.route))
    rows.push(["Distance", `${formatNumber(num(data.miles)!)} mi`]);
  rows.push(...loadRows(obj(data.load)));
  if (Array.isArray(data.road_types) && data.road_types.length)
    rows.push(["Road types", data.road_types.map((r) => humanize(String(r))).join(", ")]);
  if (Array.isArray(data.car_types) && data.car_types.length) {
    const cars = num(data.cars);
    rows.push([
      "Pilot cars",
      `${cars ? `${cars} · ` : ""}${data.car_types.map((c) => humanize(String(c))).join(", ")}`,
    ]);
  }
  if (num(data.total_cost) !== null) rows.push(["Quote total", formatMoney(num(data.total_cost))]);
  if (num(data.total) !== null) rows.push(["Order total", formatMoney(num(data.total))]);
  if (str(data.step)) rows.push(["Stopped at", humanize(str(data.step)!)]);
  if (str(data.order_id)) rows.push(["Order", str(data.order_id)]);
  if (obj(data.location)) rows.push(["Location", place(data.location)]);
  if (num(data.shared_with) !== null)
    rows.push(["Shared with", num(data.shared_with) === 1 ? "1 person" : `${num(data.shared_with)} people`]);
  if (str(data.note)) rows.push(["Note", str(data.note)]);
  rows.push(...otherRows(data));
  return rows;
}

export function ServiceDetails({ source, data }: { source: TLeadSource; data: Record<string, unknown> }) {
  const rows = serviceRows(source, data);
  if (!rows.length) return <p className="text-sm text-slate-600">The tool sent no details for this lead.</p>;
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      {rows.map(([label, value], i) => (
        <div key={`${label}-${i}`} className="contents">
          <dt className="font-medium text-slate-600">{label}</dt>
          <dd className="text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
