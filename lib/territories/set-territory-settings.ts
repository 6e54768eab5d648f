import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { getCompanySettings, putCompanySetting, ZStaleDays, ZTerritoryMode } from "@/lib/kernel/company-settings";
import { ZTimeZone } from "@/lib/kernel/time-zone-schema";
import { command } from "@/lib/command";
import { recordAudit } from "@/lib/audit/record-audit";

const ZBool = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());

// Every field optional: the form sends what it shows; absent keys keep their value.
export const ZSetTerritorySettings = z.object({
  territoryMode: ZTerritoryMode.optional(),
  autoAssignEnabled: ZBool.optional(),
  autoAssignCap: z.coerce.number().int().min(1, "At least 1").max(10_000).optional(),
  staleDays: z.coerce.number().pipe(ZStaleDays).optional(),
  // An IANA zone Node knows (and, checked by the writer, PostgreSQL too); the form offers the US ones.
  timeZone: ZTimeZone.optional(),
});
export type TSetTerritorySettings = z.input<typeof ZSetTerritorySettings>;

/**
 * Manager only: territory mode, auto-assignment (on/off and open-lead cap), stale threshold, and
 * the company time zone that "today", follow-up dates and every analytics bucket are counted in.
 */
export const setTerritorySettings = command({ input: ZSetTerritorySettings, may: "settings.manage" }, async (actor, p) => {
  return db.$transaction(async (tx) => {
    const current = await getCompanySettings(tx);
    if (p.territoryMode) await putCompanySetting(tx, "territoryMode", p.territoryMode);
    if (p.autoAssignEnabled !== undefined || p.autoAssignCap !== undefined) {
      await putCompanySetting(tx, "autoAssign", {
        enabled: p.autoAssignEnabled ?? current.autoAssign.enabled,
        cap: p.autoAssignCap ?? current.autoAssign.cap,
      });
    }
    if (p.staleDays !== undefined) await putCompanySetting(tx, "staleDays", p.staleDays);
    if (p.timeZone) await putCompanySetting(tx, "timeZone", p.timeZone);
    const after = await getCompanySettings(tx);
    const pick = (s: typeof current) => ({ territoryMode: s.territoryMode, autoAssign: s.autoAssign, staleDays: s.staleDays, timeZone: s.timeZone });
    // A form saved unchanged changes nothing, so it leaves no entry.
    if (JSON.stringify(pick(current)) !== JSON.stringify(pick(after)))
      await recordAudit(tx, { actor, action: "settings.changed", target: { type: "settings", id: "territory_settings" }, before: pick(current), after: pick(after) });
    return after;
  });
});
