import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";

// A checkbox sends "on" when ticked and nothing when not; a JSON caller may send booleans.
const zChecked = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());

export const ZSetLiveAlerts = z.object({ desktop_alerts: zChecked, sound: zChecked });
export type TSetLiveAlerts = z.input<typeof ZSetLiveAlerts>;

/** The signed-in user's own choice of desktop notifications and sound for live events. */
export const setLiveAlerts = command(ZSetLiveAlerts, async (actor, data) => {
  return db.user.update({
    where: { id: actor.id },
    data: { liveDesktopAlerts: data.desktop_alerts, liveSound: data.sound },
    select: { liveDesktopAlerts: true, liveSound: true },
  });
});
