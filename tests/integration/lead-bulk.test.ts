import { db } from "@/lib/db";
import { claimLead } from "@/lib/leads/claim-lead";
import { runBulkLeadAction } from "@/lib/leads/run-bulk-lead-action";
import { makeLead, makeUser } from "../fixtures/factories";
import { leadState } from "../fixtures/lead-state";

describe("runBulkLeadAction", () => {
  it("claims what it can and reports every refusal by row", async () => {
    const { actor: rep } = await makeUser();
    const { actor: other } = await makeUser();
    const free = await makeLead();
    const taken = await makeLead();
    await claimLead(other, { lead_id: taken.id });
    const closed = await makeLead({ status: "converted", assignedAdminId: other.id });
    const result = await runBulkLeadAction(rep, {
      op: "claim",
      lead_ids: [free.id, taken.id, closed.id, 2_000_000_020],
    });

    expect(result).toMatchObject({ op: "claim", succeeded: 1, refused: 3 });
    expect(result.results).toEqual([
      { leadId: free.id, ok: true, message: "Claimed" },
      { leadId: taken.id, ok: false, code: "CONFLICT", message: `${other.name} claimed this lead first.` },
      {
        leadId: closed.id,
        ok: false,
        code: "CONFLICT",
        message: expect.stringContaining("only pending leads can be claimed"),
      },
      { leadId: 2_000_000_020, ok: false, code: "NOT_FOUND", message: "Lead not found" },
    ]);
    expect((await db.salesLead.findUniqueOrThrow({ where: { id: free.id } })).assignedAdminId).toBe(rep.id);
    expect((await db.salesLead.findUniqueOrThrow({ where: { id: taken.id } })).assignedAdminId).toBe(
      other.id,
    );
  });

  it("lets the manager assign several leads, refusing closed ones; a rep's assign is refused row by row", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser();
    const { actor: target } = await makeUser();
    const pending = await makeLead();
    const held = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    const lost = await makeLead({ status: "lost", assignedAdminId: rep.id });

    const asRep = await runBulkLeadAction(rep, {
      op: "assign",
      lead_ids: [pending.id, held.id],
      admin_id: target.id,
    });
    expect(asRep).toMatchObject({ succeeded: 0, refused: 2 });
    expect(asRep.results.every((r) => r.code === "FORBIDDEN")).toBe(true);
    expect((await leadState(pending.id)).events).toBe(0);

    const r = await runBulkLeadAction(manager, {
      op: "assign",
      lead_ids: `${pending.id},${held.id},${lost.id}`,
      admin_id: String(target.id),
    });
    expect(r).toMatchObject({ succeeded: 2, refused: 1 });
    expect(r.results.map((x) => x.ok)).toEqual([true, true, false]);
    for (const id of [pending.id, held.id])
      expect(await leadState(id)).toMatchObject({ status: "assigned", assignedAdminId: target.id });
  });

  it("marks the rep's own leads lost with one reason and refuses another rep's", async () => {
    const { actor: rep } = await makeUser();
    const { actor: other } = await makeUser();
    const mine = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
    const theirs = await makeLead({ status: "in_progress", assignedAdminId: other.id });
    const r = await runBulkLeadAction(rep, {
      op: "lose",
      lead_ids: [mine.id, theirs.id],
      reason: "Season is over",
    });
    expect(r.results).toEqual([
      { leadId: mine.id, ok: true, message: "Marked lost" },
      { leadId: theirs.id, ok: false, code: "FORBIDDEN", message: "This lead is assigned to someone else." },
    ]);
    expect(await leadState(mine.id)).toMatchObject({ status: "lost", lostReason: "Season is over" });
    expect(await leadState(theirs.id)).toMatchObject({ status: "in_progress", lostReason: null });
  });

  it.each([
    ["op", { op: "delete", lead_ids: [1] }],
    ["lead_ids", { op: "claim", lead_ids: [] }],
    ["lead_ids", { op: "claim", lead_ids: Array.from({ length: 101 }, (_, i) => i + 1) }],
    ["lead_ids.0", { op: "claim", lead_ids: ["x"] }],
    ["admin_id", { op: "assign", lead_ids: [1] }],
    ["reason", { op: "lose", lead_ids: [1] }],
  ])("answers 400 naming %s", async (path, input) => {
    const { actor } = await makeUser({ role: "super_admin" });
    await expect(runBulkLeadAction(actor, input as never)).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path })],
    });
  });

  it("fails the whole request, writing nothing, when the target admin is not an active one", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { user: gone } = await makeUser({ active: false });
    const a = await makeLead();
    const b = await makeLead();
    await expect(
      runBulkLeadAction(manager, { op: "assign", lead_ids: [a.id, b.id], admin_id: gone.id }),
    ).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "admin_id" })],
    });
    expect((await leadState(a.id)).events + (await leadState(b.id)).events).toBe(0);
  });
});
