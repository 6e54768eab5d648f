import { db } from "@/lib/db";
import { getCallList } from "@/lib/calls/get-call-list";
import { getLeadPool } from "@/lib/calls/get-lead-pool";
import { lockLeadForCall } from "@/lib/calls/lock-lead-for-call";
import { releaseCallLock } from "@/lib/calls/release-call-lock";
import { makeLead, makeUser } from "../fixtures/factories";
import { minutes } from "../fixtures/calls";

const poolRow = async (actor: Parameters<typeof getLeadPool>[0], leadId: number, now?: Date) =>
  (await getLeadPool(actor, { state: "WY", limit: 200 }, { now })).rows.find((r) => r.id === leadId);

describe("soft call lock", () => {
  it("shows 'being called by' to others in the pool, refuses them, and expires after 10 minutes", async () => {
    const { actor: sarah } = await makeUser({ name: "Sarah Lock" });
    const { actor: mike } = await makeUser({ name: "Mike Lock" });
    const lead = await makeLead({ states: ["WY", "MT"] });

    const { lockedUntil } = await lockLeadForCall(sarah, { leadId: lead.id });
    const minutesHeld = (new Date(lockedUntil).getTime() - Date.now()) / 60_000;
    expect(minutesHeld).toBeGreaterThan(9);
    expect(minutesHeld).toBeLessThanOrEqual(10);
    expect((await poolRow(mike, lead.id))?.lockedBy).toMatchObject({ id: sarah.id, name: "Sarah Lock" });
    expect((await poolRow(sarah, lead.id))?.lockedBy).toBeNull(); // one's own lock is no warning
    await expect(lockLeadForCall(mike, { leadId: lead.id })).rejects.toMatchObject({
      status: 409,
      message: "Sarah Lock is calling this lead right now",
    });
    // Opening it again renews Sarah's lock without a second timeline entry.
    await lockLeadForCall(sarah, { leadId: lead.id });
    expect(await db.leadEvent.count({ where: { leadId: lead.id, type: "call_locked" } })).toBe(1);

    // Eleven minutes on, the lock no longer shows, and once really expired Mike may take over.
    expect((await poolRow(mike, lead.id, new Date(Date.now() + minutes(11))))?.lockedBy).toBeNull();
    await db.salesLead.update({
      where: { id: lead.id },
      data: { callLockedUntil: new Date(Date.now() - 1000) },
    });
    expect((await poolRow(mike, lead.id))?.lockedBy).toBeNull();
    await lockLeadForCall(mike, { leadId: lead.id });
    expect((await poolRow(sarah, lead.id))?.lockedBy).toMatchObject({ id: mike.id });
    expect(await db.leadEvent.count({ where: { leadId: lead.id, type: "call_locked" } })).toBe(2);
  });

  it("clears on release, and shows on the owner's call list when someone else holds it", async () => {
    const { actor: rep } = await makeUser();
    const { actor: manager } = await makeUser({ role: "super_admin", name: "Boss Lock" });
    const lead = await makeLead({ status: "assigned", assignedAdminId: rep.id });
    await lockLeadForCall(manager, { leadId: lead.id });
    const row = (await getCallList(rep)).rows.find((r) => r.id === lead.id);
    expect(row?.lockedBy).toMatchObject({ id: manager.id, name: "Boss Lock" });

    expect(await releaseCallLock(rep, { leadId: lead.id })).toMatchObject({ released: false }); // not rep's lock
    expect(await releaseCallLock(manager, { leadId: lead.id })).toMatchObject({ released: true });
    expect((await getCallList(rep)).rows.find((r) => r.id === lead.id)?.lockedBy).toBeNull();
    expect(await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({
      callLockedById: null,
      callLockedUntil: null,
    });
  });

  it("refuses someone else's lead, a closed lead and a missing one", async () => {
    const { actor: rep } = await makeUser();
    const { actor: other } = await makeUser();
    const theirs = await makeLead({ status: "in_progress", assignedAdminId: other.id });
    const closed = await makeLead({ status: "converted", assignedAdminId: rep.id });
    await expect(lockLeadForCall(rep, { leadId: theirs.id })).rejects.toMatchObject({ status: 403 });
    await expect(lockLeadForCall(rep, { leadId: closed.id })).rejects.toMatchObject({ status: 409 });
    await expect(lockLeadForCall(rep, { leadId: 999_999_999 })).rejects.toMatchObject({ status: 404 });
    await expect(lockLeadForCall(rep, { leadId: "x" as never })).rejects.toMatchObject({ status: 400 });
    expect(await db.salesLead.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      callLockedById: null,
    });
  });
});
