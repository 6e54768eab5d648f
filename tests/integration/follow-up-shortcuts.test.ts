// The call list's shortcut keys and the lead page's shortcut buttons save the same moment, in the
// company zone. This file flips the company-wide time zone, so it runs in a database of its own.
import { db } from "@/lib/db";
import { logCallOutcome } from "@/lib/calls/log-call-outcome";
import { addSalesAction } from "@/lib/leads/add-sales-action";
import { FOLLOW_UP_SHORTCUTS, followUpShortcut, followUpShortcutDays } from "@/lib/kernel/zoned-time";
import { makeLead, makeUser } from "../fixtures/factories";
import { runInOwnDatabase } from "../fixtures/own-database";

runInOwnDatabase();

describe("follow-up shortcuts", () => {
  afterEach(() => db.setting.deleteMany({ where: { key: "time_zone" } }));

  it.each(["America/Chicago", "Asia/Tokyo"])("save the same moment from the call list and from the lead page's form (%s)", async (zone) => {
    await db.setting.upsert({ where: { key: "time_zone" }, create: { key: "time_zone", value: zone }, update: { value: zone } });
    const { actor: rep } = await makeUser();
    for (const shortcut of FOLLOW_UP_SHORTCUTS) {
      const fromCallList = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
      const fromLeadPage = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
      // What the action form posts when the rep presses the button with the same label: its day and time fields.
      const picked = followUpShortcutDays(new Date(), zone).find((p) => p.label === shortcut.label)!;
      await logCallOutcome(rep, { leadId: fromCallList.id, outcome: "voicemail", followUp: shortcut.key });
      const after = new Date();
      await addSalesAction(rep, {
        lead_id: fromLeadPage.id,
        action_type: "call",
        outcome: "voicemail",
        follow_up_date: picked.day,
        follow_up_time: picked.time ?? undefined,
      });
      const [a, b] = await Promise.all(
        [fromCallList.id, fromLeadPage.id].map((id) => db.salesLead.findUniqueOrThrow({ where: { id } })),
      );
      expect(a.nextFollowUpHasTime).toBe(picked.time !== null);
      expect(b.nextFollowUpHasTime).toBe(picked.time !== null);
      expect(b.nextFollowUpAt?.toISOString()).toBe(picked.at.toISOString());
      if (shortcut.key === "1h") {
        // "In 1 hour" moves with the clock: the call list's is the form's or up to the minute after.
        expect(a.nextFollowUpAt!.getTime() - b.nextFollowUpAt!.getTime()).toBeGreaterThanOrEqual(0);
        expect(a.nextFollowUpAt!.getTime()).toBeLessThanOrEqual(followUpShortcut("1h", after, zone).at.getTime());
      } else {
        expect(a.nextFollowUpAt?.toISOString()).toBe(b.nextFollowUpAt?.toISOString());
      }
    }
  });
});
