// Issue #19: a lead's history is read a page at a time ("Show older"), by position, not offset:
// every row exactly once, in the history's order, including rows that share a timestamp across
// kinds (a call and the status change it caused), and a page that reaches the start says so.
import { db } from "@/lib/db";
import { getLeadTimeline, TIMELINE_PAGE, type TTimelineItem } from "@/lib/leads/get-lead-timeline";
import { makeCompany, makeLead, makeUser } from "../fixtures/factories";

async function pages(input: { lead_id: number } | { company_id: number }, actor: Awaited<ReturnType<typeof makeUser>>["actor"]) {
  const out: TTimelineItem[][] = [];
  let before: string | undefined;
  for (;;) {
    const page = await getLeadTimeline(actor, { ...input, before });
    out.push(page.items);
    if (!page.older) return out;
    before = page.older;
  }
}

it("pages a long history by position, each row once and in order, ties included", async () => {
  const { actor: rep } = await makeUser();
  const lead = await makeLead({ assignedAdminId: rep.id, status: "in_progress" });
  const start = Date.UTC(2016, 2, 1, 12);
  // 130 calls and 70 events; every tenth call shares its millisecond with an event (as a call and
  // the status change it caused do), and five calls share one millisecond among themselves.
  for (let i = 0; i < 130; i++)
    await db.salesAction.create({
      data: { leadId: lead.id, adminId: rep.id, actionType: "call", outcome: "answered", createdAt: new Date(start + (i < 5 ? 0 : i) * 60_000) },
    });
  for (let i = 0; i < 70; i++)
    await db.leadEvent.create({
      data: { leadId: lead.id, actorId: rep.id, type: "status_changed", fromStatus: "assigned", toStatus: "in_progress", createdAt: new Date(start + i * 10 * 60_000) },
    });

  const all = await pages({ lead_id: lead.id }, rep);
  // Full pages, and the one that reaches the start says so (no empty page after it).
  expect(all).toHaveLength(Math.ceil(200 / TIMELINE_PAGE));
  expect(all.slice(0, -1).every((p) => p.length === TIMELINE_PAGE)).toBe(true);
  const rows = all.flat();
  expect(new Set(rows.map((r) => r.key)).size).toBe(200);
  // Newest first; at one instant the call (rank 1) before the event (rank 2), newer ids first.
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    expect(a.at >= b.at).toBe(true);
    if (a.at === b.at && a.kind === b.kind) expect(Number(a.key.split("-")[1])).toBeGreaterThan(Number(b.key.split("-")[1]));
    if (a.at === b.at && a.kind !== b.kind) expect([a.kind, b.kind]).toEqual(["action", "event"]);
  }
  // The oldest instant: five calls and one event.
  expect(rows.slice(-6).map((r) => r.kind)).toEqual(["action", "action", "action", "action", "action", "event"]);
});

it("says there is nothing older on a short history, and pages a company's leads together", async () => {
  const { actor: rep } = await makeUser();
  const company = await makeCompany();
  const one = await makeLead({ companyId: company.id });
  const two = await makeLead({ companyId: company.id });
  const short = await getLeadTimeline(rep, { lead_id: one.id });
  expect(short.older).toBeNull();
  for (let i = 0; i < 40; i++)
    for (const lead of [one, two])
      await db.leadEvent.create({ data: { leadId: lead.id, actorId: rep.id, type: "claimed", createdAt: new Date(Date.UTC(2016, 3, 1) + i * 1000) } });
  const all = (await pages({ company_id: company.id }, rep)).flat();
  expect(all).toHaveLength(80);
  expect(new Set(all.map((r) => r.leadId))).toEqual(new Set([one.id, two.id]));
});

it("answers 400 for a position it did not make", async () => {
  const { actor: rep } = await makeUser();
  const lead = await makeLead();
  await expect(getLeadTimeline(rep, { lead_id: lead.id, before: "not-a-position" })).rejects.toMatchObject({ status: 400 });
  const forged = Buffer.from(JSON.stringify(["2016-01-01T00:00:00.000Z", 1, "action; DROP", 5])).toString("base64url");
  await expect(getLeadTimeline(rep, { lead_id: lead.id, before: forged })).rejects.toMatchObject({ status: 400 });
});
