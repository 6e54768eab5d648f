import { db } from "@/lib/db";
import { makeLead, makeUser } from "../fixtures/factories";

// sales_actions.next_touch_at is kept by triggers (migration sales_actions_next_touch): each
// action points at the lead's next action, whatever order the rows are inserted in.
describe("sales_actions.next_touch_at", () => {
  it("links each action to the lead's next one, also for back-dated inserts", async () => {
    const { user } = await makeUser();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: user.id });
    const other = await makeLead({ status: "in_progress", assignedAdminId: user.id });
    const at = (h: number) => new Date(Date.UTC(2030, 0, 1, h));
    const add = (leadId: number, h: number) =>
      db.salesAction.create({ data: { leadId, adminId: user.id, actionType: "call", outcome: "voicemail", createdAt: at(h) } });

    const first = await add(lead.id, 9);
    const third = await add(lead.id, 15);
    await add(other.id, 10); // another lead's action never counts
    const second = await add(lead.id, 12); // entered late, between the two

    const rows = await db.salesAction.findMany({ where: { id: { in: [first.id, second.id, third.id] } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.nextTouchAt?.toISOString() ?? null)).toEqual([at(12).toISOString(), at(15).toISOString(), null]);
  });
});
