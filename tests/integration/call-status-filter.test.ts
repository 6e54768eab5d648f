import { db } from "@/lib/db";
import { listLeads } from "@/lib/leads/list-leads";
import { leadFilterConditions, ZLeadFilter } from "@/lib/leads/lead-list-filter";
import { makeLead, makeUser } from "../fixtures/factories";

describe("call status in the leads table", () => {
  it("filters by the latest call's outcome, 'not called' included", async () => {
    const { actor: rep } = await makeUser();
    const make = async (outcome: "voicemail" | "answered" | "interested" | null) => {
      const lead = await makeLead({ status: "in_progress", assignedAdminId: rep.id });
      // As a logged call leaves it: the outcome with the moment of the contact.
      return db.salesLead.update({ where: { id: lead.id }, data: { lastCallOutcome: outcome, lastContactAt: outcome ? new Date() : null } });
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
    // Sorted by last contact, newest first, the never-contacted leads come first in the index:
    // a status that implies a call starts after them (and "not called" still finds them).
    const byContact = async (call_status: string) =>
      (await listLeads(rep, { filter: { assigned: "me", call_status }, sort: "last_contact", page_size: 100 } as never)).rows.map((r) => r.id).sort();
    expect(await byContact("voicemail,contacted")).toEqual([vm.id, answered.id].sort());
    expect(await byContact("not_called,voicemail")).toEqual([never.id, vm.id].sort());
    const sql = (call_status: string) => leadFilterConditions(rep, ZLeadFilter.parse({ call_status })).map((c) => c.sql).join(" AND ");
    expect(sql("callback")).toMatch(/l\.last_contact_at IS NOT NULL/);
    expect(sql("not_called,callback")).not.toMatch(/last_contact_at IS NOT NULL/);
  });

  it("refuses a call outcome without a contact, which the filter above relies on", async () => {
    const lead = await makeLead({ status: "in_progress" });
    await expect(db.salesLead.update({ where: { id: lead.id }, data: { lastCallOutcome: "callback" } })).rejects.toThrow(/a call outcome needs a last contact/);
    await db.salesLead.update({ where: { id: lead.id }, data: { lastCallOutcome: "callback", lastContactAt: new Date() } });
    await expect(db.salesLead.update({ where: { id: lead.id }, data: { lastContactAt: null } })).rejects.toThrow(/a call outcome needs a last contact/);
    expect(await db.salesLead.findUniqueOrThrow({ where: { id: lead.id }, select: { lastCallOutcome: true } })).toEqual({ lastCallOutcome: "callback" });
  });
});
