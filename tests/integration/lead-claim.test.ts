import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import { claimLead } from "@/lib/leads/claim-lead";
import { makeLead, makeUser } from "../fixtures/factories";
import { eventsOf, leadState } from "../fixtures/lead-state";

describe("claimLead", () => {
  it("lets exactly one of 100 simultaneous claims by different reps win; the other 99 get a 409", async () => {
    const lead = await makeLead();
    const reps: TActor[] = [];
    for (let i = 0; i < 100; i++) reps.push((await makeUser()).actor);

    const outcomes = await Promise.allSettled(reps.map((rep) => claimLead(rep, { lead_id: lead.id })));

    const winners = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [reps[i]] : []));
    const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(99);
    for (const l of losers)
      expect(l.reason).toMatchObject({
        code: "CONFLICT",
        status: 409,
        message: expect.stringMatching(/claimed this lead first/),
      });

    const row = await db.salesLead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(row).toMatchObject({ status: "assigned", assignedAdminId: winners[0].id });
    const events = await eventsOf(lead.id);
    expect(events).toEqual([
      { type: "claimed", fromStatus: "pending", toStatus: "assigned", actorId: winners[0].id, data: {} },
    ]);
  });

  it("answers with the claimed lead", async () => {
    const { actor } = await makeUser();
    const lead = await makeLead();
    const snapshot = await claimLead(actor, { lead_id: lead.id });
    expect(snapshot).toMatchObject({
      id: lead.id,
      status: "assigned",
      assigned_admin_id: actor.id,
      estimated_value: 500,
    });
    expect(typeof snapshot.assigned_at).toBe("string");
  });

  it.each(["assigned", "in_progress", "converted", "lost"] as const)(
    "refuses to claim a %s lead (409) and writes nothing",
    async (status) => {
      const { actor: holder } = await makeUser();
      const { actor } = await makeUser();
      const lead = await makeLead({ status, assignedAdminId: holder.id });
      const before = await leadState(lead.id);
      await expect(claimLead(actor, { lead_id: lead.id })).rejects.toMatchObject({ status: 409 });
      expect(await leadState(lead.id)).toEqual(before);
    },
  );

  it("tells a rep who already holds the lead, and 404s a lead that does not exist", async () => {
    const { actor } = await makeUser();
    const lead = await makeLead();
    await claimLead(actor, { lead_id: lead.id });
    await expect(claimLead(actor, { lead_id: lead.id })).rejects.toMatchObject({
      status: 409,
      message: "You already have this lead.",
    });
    await expect(claimLead(actor, { lead_id: 2_000_000_000 })).rejects.toMatchObject({ status: 404 });
  });

  it("rejects a bad lead id with a 400 naming lead_id", async () => {
    const { actor } = await makeUser();
    for (const bad of ["abc", -1, 0, 1.5, undefined]) {
      await expect(claimLead(actor, { lead_id: bad as never })).rejects.toMatchObject({
        status: 400,
        issues: [expect.objectContaining({ path: "lead_id" })],
      });
    }
  });
});
