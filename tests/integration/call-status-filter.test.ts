import { db } from "@/lib/db";
import { listLeads } from "@/lib/leads/list-leads";
import { makeLead, makeUser } from "../fixtures/factories";

describe("call status in the leads table", () => {
  it("filters by the latest call's outcome, 'not called' included", async () => {
    const { actor: rep } = await makeUser();
    const make = async (outcome: "voicemail" | "answered" | "interested" | null) => {
      const lead = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
      return db.salesLead.update({ where: { id: lead.id }, data: { lastCallOutcome: outcome } });
    };
    const never = await make(null);
    const vm = await make("voicemail");
    const answered = await make("answered");
    await make("interested");

    const ids = async (call_status: string) =>
      (await listLeads(rep, { filter: { assigned: "me", call_status }, page_size: 100 } as never)).rows
        .map((r) => r.id)
        .sort();
    expect(await ids("not_called")).toEqual([never.id]);
    expect(await ids("voicemail,contacted")).toEqual([vm.id, answered.id].sort());
    expect(await ids("not_called,voicemail")).toEqual([never.id, vm.id].sort());
    await expect(listLeads(rep, { filter: { call_status: "ringing" } } as never)).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "filter.call_status.0" })],
    });
  });
});
