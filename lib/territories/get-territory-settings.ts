import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_TIME_ZONE, isValidTimeZone } from "@/lib/calls/zoned-time";

// The manager's territory and call-list settings, one `settings` row per key. A missing or
// malformed row means the default, never an error: the app must run on a fresh database.
export const ZTerritoryMode = z.enum(["open", "strict"]);
export const ZAutoAssign = z.object({
  enabled: z.boolean(),
  cap: z.number().int().min(1).max(10_000),
});
export const ZStaleDays = z.number().int().min(1).max(365);

export type TTerritorySettings = {
  territoryMode: z.infer<typeof ZTerritoryMode>;
  autoAssign: z.infer<typeof ZAutoAssign>;
  /** Company time zone: "today" and "this week" are counted in it. */
  timeZone: string;
  /** A lead with no contact for this many days is "stale" on the call list. */
  staleDays: number;
};

export const SETTING_KEYS = {
  territoryMode: "territory_mode",
  autoAssign: "auto_assign",
  timeZone: "time_zone",
  staleDays: "call_stale_days",
} as const;

export const DEFAULT_SETTINGS: TTerritorySettings = {
  territoryMode: "open",
  // Off by default: the first seed wants first-come-first-served claiming.
  autoAssign: { enabled: false, cap: 50 },
  timeZone: DEFAULT_TIME_ZONE,
  staleDays: 7,
};

/** Reads the settings through `client` (pass the transaction to read them inside it). */
export async function getTerritorySettings(
  client: Prisma.TransactionClient = db,
): Promise<TTerritorySettings> {
  const rows = await client.setting.findMany({ where: { key: { in: Object.values(SETTING_KEYS) } } });
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  const mode = ZTerritoryMode.safeParse(value(SETTING_KEYS.territoryMode));
  const auto = ZAutoAssign.safeParse(value(SETTING_KEYS.autoAssign));
  const stale = ZStaleDays.safeParse(value(SETTING_KEYS.staleDays));
  const tz = value(SETTING_KEYS.timeZone);
  return {
    territoryMode: mode.success ? mode.data : DEFAULT_SETTINGS.territoryMode,
    autoAssign: auto.success ? auto.data : DEFAULT_SETTINGS.autoAssign,
    timeZone: typeof tz === "string" && isValidTimeZone(tz) ? tz : DEFAULT_SETTINGS.timeZone,
    staleDays: stale.success ? stale.data : DEFAULT_SETTINGS.staleDays,
  };
}
