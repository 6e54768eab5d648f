import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/assert-can";
import type { TActor } from "@/lib/auth/permissions";
import { AppError, validationError } from "@/lib/errors";
import { isValidTimeZone } from "@/lib/calls/zoned-time";
import {
  getTerritorySettings,
  SETTING_KEYS,
  ZStaleDays,
  ZTerritoryMode,
} from "@/lib/territories/get-territory-settings";

const ZBool = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());

// Every field optional: the form sends what it shows; absent keys keep their value.
export const ZSetTerritorySettings = z.object({
  territoryMode: ZTerritoryMode.optional(),
  autoAssignEnabled: ZBool.optional(),
  autoAssignCap: z.coerce.number().int().min(1, "At least 1").max(10_000).optional(),
  staleDays: z.coerce.number().pipe(ZStaleDays).optional(),
  // An IANA zone Node knows (and, checked below, PostgreSQL too); the form offers the US ones.
  timeZone: z.string().trim().refine(isValidTimeZone, "Unknown time zone").optional(),
});
export type TSetTerritorySettings = z.input<typeof ZSetTerritorySettings>;

/**
 * Manager only: territory mode, auto-assignment (on/off and open-lead cap), stale threshold, and
 * the company time zone that "today", follow-up dates and every analytics bucket are counted in.
 */
export async function setTerritorySettings(actor: TActor, input: TSetTerritorySettings) {
  assertCan(actor, "settings.manage");
  const parsed = ZSetTerritorySettings.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  const p = parsed.data;
  return db.$transaction(async (tx) => {
    const current = await getTerritorySettings(tx);
    const put = (key: string, value: string | number | { enabled: boolean; cap: number }) =>
      tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    if (p.territoryMode) await put(SETTING_KEYS.territoryMode, p.territoryMode);
    if (p.autoAssignEnabled !== undefined || p.autoAssignCap !== undefined) {
      await put(SETTING_KEYS.autoAssign, {
        enabled: p.autoAssignEnabled ?? current.autoAssign.enabled,
        cap: p.autoAssignCap ?? current.autoAssign.cap,
      });
    }
    if (p.staleDays !== undefined) await put(SETTING_KEYS.staleDays, p.staleDays);
    if (p.timeZone) {
      // The SQL figures convert with it too: a name only Node's time zone data knows would break them.
      const [{ known }] = await tx.$queryRaw<{ known: boolean }[]>`SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = ${p.timeZone}) AS known`;
      if (!known) throw new AppError("BAD_REQUEST", "Unknown time zone", [{ path: "timeZone", message: "Unknown time zone" }]);
      await put(SETTING_KEYS.timeZone, p.timeZone);
    }
    return getTerritorySettings(tx);
  });
}
