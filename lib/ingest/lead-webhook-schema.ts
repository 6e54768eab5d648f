import { z } from "zod";
import { isStateCode } from "@/lib/geo/us-states";

// The lead webhook's body (DESIGN §6): one schema per event type, a discriminated union on `type`.
// Every object is loose: fields we do not know yet are kept and stored with the activity, so a
// newer free tool never loses data on an older CRM.

export const WEBHOOK_EVENT_TYPES = ["load_plan", "quote", "location_share", "order_attempt", "order_placed", "registration"] as const;
export type TWebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

// numeric(12,2) holds up to 9 999 999 999.99. A JSON number here (the form and filter inputs' ZMoney,
// lib/leads/lead-input.ts, is a decimal string).
const MAX_MONEY = 9_999_999_999;
const ZJsonMoney = z.number().nonnegative().max(MAX_MONEY);
const ZText = (max = 200) => z.string().trim().min(1).max(max);

export const ZStateCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isStateCode, { message: "Expected a two-letter US state code" });

const ZPlace = z.looseObject({ city: ZText(), state: ZStateCode });
const ZDate = z.iso.date();

export const ZLeadCompany = z
  .looseObject({
    external_id: ZText().optional(),
    name: ZText(),
    email: z.email().max(254).optional(),
    phone: z.string().trim().max(40).optional(),
    usdot: z.string().trim().regex(/^\d{1,8}$/, "Expected a USDOT number (digits)").optional(),
    mc_number: z.string().trim().max(40).optional(),
    city: z.string().trim().max(100).optional(),
    state: ZStateCode.optional(),
  })
  .refine((c) => c.external_id || c.usdot || c.email, {
    message: "A company needs an external_id, a usdot or an email to be identified",
    path: ["external_id"],
  });
export type TLeadCompany = z.output<typeof ZLeadCompany>;

// The trade measures in feet and pounds, and so do the escort rules. A metric measure is refused
// by name instead of being guessed at: a width in metres read as feet would price a wrong job.
const METRIC_KEY = /(_|^)(m|cm|mm|km|meters?|metres?|kilometers?|kilometres?|kg|kgs|tonnes?)$/i;
function refuseMetric(value: unknown, ctx: z.RefinementCtx): unknown {
  if (!value || typeof value !== "object") return value;
  for (const [key, v] of Object.entries(value)) {
    const metricUnit = (key === "unit" || key === "units") && typeof v === "string" && /metric|si|^m$|^kg$/i.test(v);
    if (METRIC_KEY.test(key) || metricUnit)
      ctx.addIssue({ code: "custom", path: [key], message: "Metric measures are not accepted: send length_ft, width_ft, height_ft (feet) and weight_lbs (pounds)" });
  }
  return value;
}

const ZMiles = z.number().nonnegative().max(20_000);

const ZRoute = z.preprocess(refuseMetric, z
  .looseObject({
    origin: ZPlace,
    destination: ZPlace,
    states: z.array(ZStateCode).max(60).default([]),
    miles: ZMiles,
    // Issue 16: miles driven in each state, when the sender knows them (optional; without it the
    // haul estimate shares the route's miles evenly among its states and says so).
    state_miles: z.record(ZStateCode, ZMiles).optional(),
  })
  .superRefine((r, ctx) => {
    if (!r.state_miles) return;
    const onRoute = new Set([r.origin.state, ...r.states, r.destination.state]);
    for (const s of Object.keys(r.state_miles))
      if (!onRoute.has(s)) ctx.addIssue({ code: "custom", path: ["state_miles", s], message: `${s} is not on the route (origin, states, destination)` });
    const sum = Object.values(r.state_miles).reduce((a, b) => a + b, 0);
    if (sum > r.miles + 0.5) ctx.addIssue({ code: "custom", path: ["state_miles"], message: `The states' miles (${sum}) add up to more than the route's ${r.miles}` });
  }));

// Upper bounds a real haul stays well inside: anything larger is a unit or typing mistake (a
// 500-ft load), refused with its path rather than priced.
export const LOAD_LIMITS = { length_ft: 300, width_ft: 40, height_ft: 30, overhang_ft: 100, weight_lbs: 2_000_000 } as const;
const ZFeet = (max: number) => z.number().positive().max(max, `At most ${max} ft`);

export const ZLoad = z.preprocess(
  refuseMetric,
  z.looseObject({
    length_ft: ZFeet(LOAD_LIMITS.length_ft),
    width_ft: ZFeet(LOAD_LIMITS.width_ft),
    height_ft: ZFeet(LOAD_LIMITS.height_ft),
    weight_lbs: z.number().positive().max(LOAD_LIMITS.weight_lbs, `At most ${LOAD_LIMITS.weight_lbs} lb`),
    front_overhang_ft: z.number().nonnegative().max(LOAD_LIMITS.overhang_ft, `At most ${LOAD_LIMITS.overhang_ft} ft`).optional(),
    rear_overhang_ft: z.number().nonnegative().max(LOAD_LIMITS.overhang_ft, `At most ${LOAD_LIMITS.overhang_ft} ft`).optional(),
    description: z.string().max(500).optional(),
  }),
);

export const ZLoadPlanData = z.looseObject({
  route: ZRoute,
  load: ZLoad,
  road_types: z.array(z.string().max(50)).max(20).default([]),
});

export const ZQuoteData = z.looseObject({
  pickup: ZPlace.extend({ date: ZDate }),
  delivery: ZPlace.extend({ date: ZDate }),
  car_types: z.array(z.string().max(50)).max(20).default([]),
  cars: z.number().int().min(1).max(50),
  miles: ZMiles,
  total_cost: ZJsonMoney,
});

export const ZLocationShareData = z.looseObject({
  location: ZPlace,
  shared_with: z.number().int().nonnegative().max(1_000).optional(),
});

export const ZOrderAttemptData = z.looseObject({
  total: ZJsonMoney,
  route: ZRoute.optional(),
  step: z.string().max(50).optional(),
});

export const ZOrderPlacedData = z.looseObject({
  order_id: ZText(100),
  total: ZJsonMoney,
  route: ZRoute.optional(),
});

export const ZRegistrationData = z.looseObject({
  plan: z.string().max(100).optional(),
});

const envelope = {
  occurred_at: z.iso.datetime({ offset: true }),
  company: ZLeadCompany,
  estimated_value: ZJsonMoney.optional(),
};

export const ZLeadWebhookEvent = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("load_plan"), ...envelope, data: ZLoadPlanData }),
  z.looseObject({ type: z.literal("quote"), ...envelope, data: ZQuoteData }),
  z.looseObject({ type: z.literal("location_share"), ...envelope, data: ZLocationShareData }),
  z.looseObject({ type: z.literal("order_attempt"), ...envelope, data: ZOrderAttemptData }),
  z.looseObject({ type: z.literal("order_placed"), ...envelope, data: ZOrderPlacedData }),
  z.looseObject({ type: z.literal("registration"), ...envelope, data: ZRegistrationData.default({}) }),
]);
export type TLeadWebhookEvent = z.output<typeof ZLeadWebhookEvent>;
