import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { DEFAULT_TIME_ZONE } from "@/lib/kernel/zoned-time";
import { ZTimeZone } from "@/lib/kernel/time-zone-schema";

// The one owner of the company's settings (table `settings`, one JSON row per key). Every key, its
// schema and its default live in this table; everything else reads through getCompanySettings()
// or writes through putCompanySetting(). A missing or malformed row means the default, never an
// error: the app must run on a fresh database.

export const ZTerritoryMode = z.enum(["open", "strict"]);
export const ZAutoAssign = z.object({
  enabled: z.boolean(),
  cap: z.number().int().min(1).max(10_000),
});
export const ZStaleDays = z.number().int().min(1).max(365);
// Session lifetimes (ASVS V7.3): signed out after this long without a request, and this long
// after signing in whatever happens. The session cookie itself lives as long as the longest allowed.
export const ZSessionIdleMinutes = z.number().int().min(5).max(24 * 60);
export const ZSessionAbsoluteHours = z.number().int().min(1).max(72);
/** The company-time hour from which the morning digest of the day's follow-ups goes out. */
export const ZFollowUpDigestHour = z.number().int().min(0).max(23);
// What one escort vehicle earns per mile (issue 16); money as a number of dollars with cents.
export const ZEscortMileRate = z.number().min(0).max(1_000);
// Handoffs and approvals (issue #21, lib/requests/). Who must say yes before a proposed handoff
// moves the lead: the manager (default), the receiving rep, or the manager and then the receiver.
export const HANDOFF_APPROVAL_MODES = ["manager", "receiver", "manager_and_receiver"] as const;
export const ZHandoffApproval = z.enum(HANDOFF_APPROVAL_MODES);
/** A rep's "mark lost" of a lead worth more than this needs the manager's approval (null: never). */
export const ZLoseApprovalAbove = z.number().min(0).max(100_000_000).nullable();
export const SESSION_COOKIE_MAX_AGE_SECONDS = 72 * 60 * 60;

// Speed to lead (issue #15): how long a pool lead may wait before the territory's reps are
// reminded and then the manager is told, and optionally how long a claimed lead may sit without
// any action before it goes back to the pool (null: never; leads never expire on their own).
export const ZSlaTimers = z
  .object({
    alertMinutes: z.number().int().min(1, "At least 1 minute").max(24 * 60, "At most 24 hours"),
    escalateMinutes: z.number().int().min(2, "At least 2 minutes").max(7 * 24 * 60, "At most 7 days"),
    autoReturnHours: z.number().int().min(1, "At least 1 hour").max(30 * 24, "At most 30 days").nullable(),
  })
  .refine((t) => t.escalateMinutes > t.alertMinutes, { path: ["escalateMinutes"], message: "Escalate after the reps' alert, not before" });

/** "HH:MM" on the 24-hour clock. */
export const ZClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM (24-hour)");
export const clockMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

// The company's working hours in its own zone: ISO weekdays (1 = Monday … 7 = Sunday) and one
// daily window. The working-hours variant of the speed-to-lead figures counts only these minutes.
export const ZBusinessHours = z
  .object({
    days: z.array(z.number().int().min(1).max(7)).min(1, "Pick at least one working day").max(7),
    start: ZClockTime,
    end: ZClockTime,
  })
  // Compared only when both times are well-formed (a malformed one has its own message).
  .refine((h) => !(clockMinutes(h.end) <= clockMinutes(h.start)), { path: ["end"], message: "The day ends after it starts" })
  .transform((h) => ({ ...h, days: [...new Set(h.days)].sort((a, b) => a - b) }));

/**
 * The TCPA's quiet hours for telephone solicitations (47 CFR 64.1200(c)(1)): nothing before 08:00
 * or after 21:00 at the called party's location. The texting-hours form shows them from here.
 */
export const TCPA_TEXT_HOURS = { earliest: "08:00", latest: "21:00" } as const;
const TCPA_MESSAGE = `Texts may go out only between ${TCPA_TEXT_HOURS.earliest} and ${TCPA_TEXT_HOURS.latest} (TCPA quiet hours)`;

/** When texts may go out, in the lead's own zone (lib/sms/text-sending-window.ts); never in the TCPA's quiet hours. */
export const ZTextSendingHours = ZBusinessHours.refine((h) => clockMinutes(h.start) >= clockMinutes(TCPA_TEXT_HOURS.earliest), { path: ["start"], message: TCPA_MESSAGE })
  .refine((h) => clockMinutes(h.end) <= clockMinutes(TCPA_TEXT_HOURS.latest), { path: ["end"], message: TCPA_MESSAGE });
// Sequences (issue #18): when automatic emails and texts may go out (company zone), and how many
// a rep's sequences may send in one company day; a step due outside waits for the next window.
export const ZSequenceSending = z
  .object({
    days: z.array(z.number().int().min(1).max(7)).min(1, "Pick at least one sending day").max(7),
    start: ZClockTime,
    end: ZClockTime,
    dailyCapPerRep: z.number().int().min(1, "At least 1").max(10_000, "At most 10,000"),
  })
  .refine((h) => !(clockMinutes(h.end) <= clockMinutes(h.start)), { path: ["end"], message: "The window ends after it starts" })
  .transform((h) => ({ ...h, days: [...new Set(h.days)].sort((a, b) => a - b) }));

export const COMPANY_SETTINGS = {
  /** open: any rep claims any lead; strict: only leads in the rep's territories. */
  territoryMode: { key: "territory_mode", schema: ZTerritoryMode, default: "open" },
  /** Round-robin auto-assignment of new leads; off by default (first come, first served). */
  autoAssign: { key: "auto_assign", schema: ZAutoAssign, default: { enabled: false, cap: 50 } },
  /** Company time zone: "today", "this week", follow-up days and every displayed time are in it. */
  timeZone: { key: "time_zone", schema: ZTimeZone, default: DEFAULT_TIME_ZONE },
  /** A lead with no contact for this many days is "stale" on the call list. */
  staleDays: { key: "call_stale_days", schema: ZStaleDays, default: 7 },
  sessionIdleMinutes: { key: "session_idle_minutes", schema: ZSessionIdleMinutes, default: 60 },
  sessionAbsoluteHours: { key: "session_absolute_hours", schema: ZSessionAbsoluteHours, default: 12 },
  /** Unclaimed alert, manager escalation, optional auto-return (see lib/sla/). */
  slaTimers: { key: "sla_timers", schema: ZSlaTimers, default: { alertMinutes: 5, escalateMinutes: 15, autoReturnHours: null } },
  /** Working days and hours in the company zone (the working-hours speed-to-lead figures). */
  businessHours: { key: "business_hours", schema: ZBusinessHours, default: { days: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" } },
  /** Days and hours texts may go out, in each lead's own zone (its state's; else the company's). */
  textSendingHours: { key: "text_sending_hours", schema: ZTextSendingHours, default: { days: [1, 2, 3, 4, 5, 6], start: "09:00", end: "20:00" } },
  /** Sequences' sending window and per-rep daily cap (lib/sequences/). */
  sequenceSending: {
    key: "sequence_sending",
    schema: ZSequenceSending,
    default: { days: [1, 2, 3, 4, 5], start: "08:00", end: "17:00", dailyCapPerRep: 200 },
  },
  /** Reps who turned the digest on (My account) get it from this hour, company time. */
  followUpDigestHour: { key: "follow_up_digest_hour", schema: ZFollowUpDigestHour, default: 7 },
  /** The haul estimate's price of one escort vehicle for one mile (lib/haul/estimate-haul.ts). */
  escortMileRate: { key: "escort_mile_rate", schema: ZEscortMileRate, default: 2 },
  /** Who approves a proposed handoff before the lead changes hands (lib/requests/). */
  handoffApproval: { key: "handoff_approval", schema: ZHandoffApproval, default: "manager" },
  /** Off by default: a rep marks any lead lost without asking. */
  loseApprovalAbove: { key: "lose_approval_above", schema: ZLoseApprovalAbove, default: null },
  /** Off by default: only a manager reopens; on, a rep may ask to reopen a lead they lost. */
  reopenApproval: { key: "reopen_approval", schema: z.boolean(), default: false },
  /** Which version of lib/haul/escort-rules-seed.ts the haul_rules table was seeded with (0: never). */
  escortRulesSeedVersion: { key: "escort_rules_seed_version", schema: z.number().int().min(0), default: 0 },
} as const satisfies Record<string, { key: string; schema: z.ZodType; default: unknown }>;

type TDefs = typeof COMPANY_SETTINGS;
export type TCompanySettingName = keyof TDefs;
export type TCompanySettings = { [K in TCompanySettingName]: z.output<TDefs[K]["schema"]> };

const NAMES = Object.keys(COMPANY_SETTINGS) as TCompanySettingName[];

/** The reader: pass the transaction to read the settings inside it. */
export async function getCompanySettings(client: Prisma.TransactionClient = db): Promise<TCompanySettings> {
  const rows = await client.setting.findMany({ where: { key: { in: NAMES.map((n) => COMPANY_SETTINGS[n].key) } } });
  return toCompanySettings(Object.fromEntries(rows.map((r) => [r.key, r.value])));
}

/**
 * The settings' stored values as one JSON object `{key: value}`, inside a SQL statement: a page
 * that reads its data in one statement (the lead page's detail) reads them there, then passes the
 * object to toCompanySettings() for the same schemas and defaults as the reader above.
 */
export const COMPANY_SETTINGS_JSON_SQL = Prisma.sql`(SELECT coalesce(json_object_agg(s.key, s.value), '{}'::json) FROM settings s
  WHERE s.key IN (${Prisma.join(NAMES.map((n) => COMPANY_SETTINGS[n].key))}))`;

/** Stored values by key → the settings; a missing or malformed value is the default. */
export function toCompanySettings(values: Record<string, unknown>): TCompanySettings {
  const read = <K extends TCompanySettingName>(name: K): TCompanySettings[K] => {
    const def = COMPANY_SETTINGS[name];
    const parsed = def.schema.safeParse(values[def.key]);
    return (parsed.success ? parsed.data : def.default) as TCompanySettings[K];
  };
  return Object.fromEntries(NAMES.map((n) => [n, read(n)])) as TCompanySettings;
}

/** The company time zone alone (the most common read). */
export async function getCompanyTimeZone(client: Prisma.TransactionClient = db): Promise<string> {
  return (await getCompanySettings(client)).timeZone;
}

/**
 * The writer: validates `value` against the key's schema, then upserts it (inside `tx`). A time
 * zone must be known to PostgreSQL too, since the SQL figures convert with it.
 */
export async function putCompanySetting<K extends TCompanySettingName>(
  tx: Prisma.TransactionClient,
  name: K,
  value: TCompanySettings[K],
): Promise<void> {
  const def = COMPANY_SETTINGS[name];
  const json = def.schema.parse(value) as Prisma.InputJsonValue;
  if (name === "timeZone") {
    const [{ known }] = await tx.$queryRaw<{ known: boolean }[]>`SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = ${json}) AS known`;
    if (!known) throw new AppError("BAD_REQUEST", "Unknown time zone", [{ path: "timeZone", message: "Unknown time zone" }]);
  }
  await tx.setting.upsert({ where: { key: def.key }, create: { key: def.key, value: json }, update: { value: json } });
}

/**
 * The company time zone inside a SQL statement, with the same key and default as the reader
 * above: a fragment, so "due today" and "created on" cost no extra round trip. The writer only
 * stores zones PostgreSQL knows, so the raw value is safe to use with AT TIME ZONE.
 */
export const TIME_ZONE_SQL = Prisma.sql`coalesce((SELECT value #>> '{}' FROM settings WHERE key = ${COMPANY_SETTINGS.timeZone.key}), ${DEFAULT_TIME_ZONE}::text)`;

/**
 * An integer setting inside a SQL statement (the session check reads both lifetimes in the same
 * statement as the session). Same key and default as the reader; a malformed row is the default.
 */
export function intSettingSql(name: "sessionIdleMinutes" | "sessionAbsoluteHours"): Prisma.Sql {
  const def = COMPANY_SETTINGS[name];
  return Prisma.sql`coalesce((SELECT (value #>> '{}')::int FROM settings WHERE key = ${def.key} AND value #>> '{}' ~ '^[0-9]{1,6}$'), ${def.default}::int)`;
}

/** CTEs `z` (tz) and `b` (today, tomorrow: the company's day boundaries as timestamptz). */
export const DAY_BOUNDS_CTE = Prisma.sql`z AS (SELECT ${TIME_ZONE_SQL} AS tz),
  b AS (SELECT date_trunc('day', now() AT TIME ZONE z.tz) AT TIME ZONE z.tz AS today,
               (date_trunc('day', now() AT TIME ZONE z.tz) + interval '1 day') AT TIME ZONE z.tz AS tomorrow FROM z)`;
