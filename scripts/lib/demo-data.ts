// Deterministic material for the demo seed: companies, routes, loads and quotes that look like
// what the free tools really send.
import { toE164 } from "@/lib/kernel/phone";

export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
    weighted: <T extends string>(weights: Record<T, number>): T => {
      const total = Object.values<number>(weights).reduce((s, w) => s + w, 0);
      let r = next() * total;
      for (const [k, w] of Object.entries<number>(weights)) {
        r -= w;
        if (r <= 0) return k as T;
      }
      return Object.keys(weights)[0] as T;
    },
  };
}
export type TRandom = ReturnType<typeof createRandom>;

export const CITIES: { city: string; state: string }[] = [
  { city: "Austin", state: "TX" }, { city: "Houston", state: "TX" }, { city: "Dallas", state: "TX" }, { city: "Odessa", state: "TX" },
  { city: "Oklahoma City", state: "OK" }, { city: "Tulsa", state: "OK" }, { city: "Wichita", state: "KS" }, { city: "Omaha", state: "NE" },
  { city: "Des Moines", state: "IA" }, { city: "Kansas City", state: "MO" }, { city: "St. Louis", state: "MO" }, { city: "Minneapolis", state: "MN" },
  { city: "Fargo", state: "ND" }, { city: "Sioux Falls", state: "SD" }, { city: "Denver", state: "CO" }, { city: "Salt Lake City", state: "UT" },
  { city: "Phoenix", state: "AZ" }, { city: "Albuquerque", state: "NM" }, { city: "Las Vegas", state: "NV" }, { city: "Boise", state: "ID" },
  { city: "Billings", state: "MT" }, { city: "Casper", state: "WY" }, { city: "Seattle", state: "WA" }, { city: "Portland", state: "OR" },
  { city: "Fresno", state: "CA" }, { city: "Los Angeles", state: "CA" }, { city: "Chicago", state: "IL" }, { city: "Indianapolis", state: "IN" },
  { city: "Columbus", state: "OH" }, { city: "Detroit", state: "MI" }, { city: "Milwaukee", state: "WI" }, { city: "Pittsburgh", state: "PA" },
  { city: "Albany", state: "NY" }, { city: "Newark", state: "NJ" }, { city: "Hartford", state: "CT" }, { city: "Boston", state: "MA" },
  { city: "Portland", state: "ME" }, { city: "Burlington", state: "VT" }, { city: "Manchester", state: "NH" }, { city: "Providence", state: "RI" },
  { city: "Baltimore", state: "MD" }, { city: "Dover", state: "DE" }, { city: "Richmond", state: "VA" }, { city: "Charleston", state: "WV" },
  { city: "Louisville", state: "KY" }, { city: "Nashville", state: "TN" }, { city: "Charlotte", state: "NC" }, { city: "Columbia", state: "SC" },
  { city: "Atlanta", state: "GA" }, { city: "Jacksonville", state: "FL" }, { city: "Birmingham", state: "AL" }, { city: "Jackson", state: "MS" },
  { city: "Baton Rouge", state: "LA" }, { city: "Little Rock", state: "AR" },
];

const NAME_A = ["Lone Star", "Big Sky", "Prairie", "Iron Horse", "Red River", "Summit", "Keystone", "Blue Ridge", "Great Lakes", "Desert Wind", "Cascade", "Gulf Coast", "Heartland", "Rocky Mountain", "Bayou", "Granite State", "Buckeye", "Sooner", "Badger", "Palmetto"];
const NAME_B = ["Heavy Haul", "Oversize Transport", "Logistics", "Freight", "Trucking", "Specialized Carriers", "Wide Load Services", "Crane & Rigging", "Equipment Movers", "Transport Co."];
const FIRST = ["James", "Maria", "Robert", "Linda", "Carlos", "Patricia", "Tom", "Angela", "Dwayne", "Rosa", "Kevin", "Brenda", "Luis", "Tammy", "Earl", "Nicole"];
const LAST = ["Garcia", "Smith", "Johnson", "Nguyen", "Brown", "Martinez", "Walker", "Hughes", "Reed", "Lopez", "Foster", "Barnes", "Ortiz", "Bishop"];
const TITLES = ["Dispatcher", "Owner", "Operations Manager", "Fleet Manager", "Logistics Coordinator", "Safety Director"];
const LOADS = ["Wind turbine blade", "Excavator (CAT 336)", "Modular home section", "Transformer", "Bridge beam", "Combine harvester", "Boat hull", "Storage tank", "Crane boom", "Pre-cast concrete"];
const ROAD_TYPES = ["interstate", "us_highway", "state_highway", "county_road"];
const CAR_TYPES = ["lead", "chase", "height_pole", "steer", "police_escort"];

export function companyName(i: number): string {
  return `${NAME_A[i % NAME_A.length]} ${NAME_B[Math.floor(i / NAME_A.length) % NAME_B.length]}${i >= NAME_A.length * NAME_B.length ? ` ${Math.floor(i / (NAME_A.length * NAME_B.length)) + 1}` : ""}`;
}

export function personName(r: TRandom): string {
  return `${r.pick(FIRST)} ${r.pick(LAST)}`;
}
export const pickTitle = (r: TRandom) => r.pick(TITLES);

function phone(r: TRandom) {
  return `+1 ${r.int(201, 989)} 555 ${String(r.int(0, 9999)).padStart(4, "0")}`;
}

export function buildCompany(r: TRandom, i: number) {
  const home = r.pick(CITIES);
  const name = companyName(i);
  const domain = name.toLowerCase().replace(/[^a-z0-9]+/g, "") + ".example";
  const tel = phone(r);
  return {
    externalId: `u_${1000 + i}`,
    name,
    email: `ops@${domain}`,
    emailNorm: `ops@${domain}`,
    phone: tel,
    phoneNorm: toE164(tel),
    usdot: String(1_000_000 + i * 37),
    mcNumber: `MC-${600_000 + i * 13}`,
    city: home.city,
    state: home.state,
  };
}

/** Route states between two cities: origin, a plausible middle, destination. */
function routeStates(r: TRandom, from: string, to: string): string[] {
  const middle = from === to ? [] : [r.pick(CITIES).state];
  return [...new Set([from, ...middle, to])];
}

export function buildLeadData(r: TRandom, source: string, when: Date) {
  const origin = r.pick(CITIES);
  const destination = r.pick(CITIES);
  const states = routeStates(r, origin.state, destination.state);
  const miles = r.int(120, 1900);
  if (source === "load_plan") {
    return {
      value: 500,
      states,
      data: {
        route: { origin, destination, states, miles },
        load: {
          length_ft: r.int(60, 180),
          width_ft: r.int(9, 18),
          height_ft: r.int(12, 17),
          weight_lbs: r.int(40, 250) * 1000,
          description: r.pick(LOADS),
        },
        road_types: [...new Set([r.pick(ROAD_TYPES), r.pick(ROAD_TYPES)])],
      },
    };
  }
  if (source === "quote") {
    const cars = r.int(1, 4);
    const total = Math.round(miles * cars * (1.6 + r.next()) * 100) / 100;
    const pickupDate = new Date(when.getTime() + r.int(2, 20) * 86_400_000);
    const deliveryDate = new Date(pickupDate.getTime() + r.int(1, 4) * 86_400_000);
    return {
      value: total,
      states,
      data: {
        pickup: { ...origin, date: pickupDate.toISOString().slice(0, 10) },
        delivery: { ...destination, date: deliveryDate.toISOString().slice(0, 10) },
        car_types: [...new Set(Array.from({ length: cars }, () => r.pick(CAR_TYPES)))],
        cars,
        miles,
        total_cost: total,
      },
    };
  }
  if (source === "order_attempt") {
    const total = Math.round(miles * (2 + r.next() * 2) * 100) / 100;
    return { value: total, states, data: { route: { origin, destination, states, miles }, total, step: r.pick(["payment", "schedule", "review"]) } };
  }
  if (source === "location_share") {
    return { value: 1200, states: [origin.state], data: { location: origin, shared_with: r.int(1, 4) } };
  }
  return { value: r.int(5, 40) * 100, states: [origin.state], data: { note: "Entered by hand after a phone inquiry" } };
}
