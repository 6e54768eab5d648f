// Merging duplicate companies (issue 17): everything moves in one transaction, the loser's
// identifiers keep routing webhooks to the survivor, the audit and the timelines say so, bad input
// changes nothing, and a merge under a stream of webhooks loses no event.
import crypto from "node:crypto";
import { db, dbPool } from "@/lib/db";
import { mergeCompanies } from "@/lib/companies/merge-companies";
import { listPossibleDuplicates, DUPLICATES_PAGE_SIZE } from "@/lib/companies/list-possible-duplicates";
import { findCompanyDuplicates } from "@/lib/companies/find-company-duplicates";
import { requestCompanyMerge } from "@/lib/companies/request-company-merge";
import { dismissMergeRequest } from "@/lib/companies/dismiss-merge-request";
import { getMergePreview } from "@/lib/companies/get-merge-preview";
import { getCompany } from "@/lib/companies/get-company";
import { getLeadTimeline } from "@/lib/leads/get-lead-timeline";
import { createManualLead } from "@/lib/leads/create-manual-lead";
import { upsertContact } from "@/lib/companies/upsert-contact";
import { makeLead, makeUser, uid } from "../fixtures/factories";
import { companyFor, leadEvent, newSecret, signedRequest } from "../fixtures/lead-webhook";

const SECRET = newSecret();
process.env.LEAD_WEBHOOK_SECRET = SECRET;

let POST: typeof import("@/app/api/webhooks/leads/route").POST;
beforeAll(async () => {
  ({ POST } = await import("@/app/api/webhooks/leads/route"));
});

async function send(company: Record<string, unknown>, type = "quote", webhookId?: string) {
  const res = await POST(signedRequest(leadEvent(type, { company }), { secret: SECRET, id: webhookId }).request);
  expect(res.status).toBe(202);
  return (await res.json()) as { lead_id: number; consolidated: boolean };
}

const companyOfLead = async (leadId: number) => (await db.salesLead.findUniqueOrThrow({ where: { id: leadId } })).companyId;

/** A company made by a webhook (so it has an activity and webhook history), with a contact. */
async function companyWithHistory(overrides: Record<string, unknown> = {}) {
  const c = companyFor(uid(), { mc_number: `MC-${1_000_000 + crypto.randomInt(8_999_999)}`, phone: undefined, ...overrides });
  const { lead_id } = await send(c, "load_plan");
  const id = await companyOfLead(lead_id);
  await db.contact.create({ data: { companyId: id, name: `Contact ${uid()}` } });
  return { id, c, leadId: lead_id };
}

/** Everything that hangs off a company, by the rows' ids, to prove each one moved. */
async function rowsOf(companyId: number) {
  const leads = await db.salesLead.findMany({ where: { companyId }, select: { id: true } });
  const leadIds = leads.map((l) => l.id);
  const [contacts, notes, activities, actions, emails, conversions, events] = await Promise.all([
    db.contact.findMany({ where: { companyId }, select: { id: true } }),
    db.note.findMany({ where: { companyId }, select: { id: true } }),
    db.leadActivity.findMany({ where: { leadId: { in: leadIds } }, select: { id: true } }),
    db.salesAction.findMany({ where: { leadId: { in: leadIds } }, select: { id: true } }),
    db.emailMessage.findMany({ where: { leadId: { in: leadIds } }, select: { id: true } }),
    db.salesConversion.findMany({ where: { leadId: { in: leadIds } }, select: { id: true } }),
    db.leadEvent.findMany({ where: { leadId: { in: leadIds }, type: { not: "company_merged" } }, select: { id: true } }),
  ]);
  const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
  return { leads: ids(leads), contacts: ids(contacts), notes: ids(notes), activities: ids(activities), actions: ids(actions), emails: ids(emails), conversions: ids(conversions), events: ids(events) };
}

describe("mergeCompanies", () => {
  it("moves every lead, contact, activity, action, email, conversion and event to the survivor, with the chosen fields, a tombstone, timeline entries and an audit row", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser();
    const survivor = await companyWithHistory();
    const loser = await companyWithHistory({ city: "Dallas", phone: "+1 214 555 0142" });
    // The loser's lead is worked: an action, an email, and a second lead converted.
    await db.salesAction.create({ data: { leadId: loser.leadId, adminId: rep.id, actionType: "call", outcome: "answered" } });
    await db.emailMessage.create({
      data: { leadId: loser.leadId, senderId: rep.id, toEmail: loser.c.email, fromEmail: "rep@pilot-crm.test", replyToken: uid() + uid(), subject: "Hi", bodyText: "Hi", bodyHtml: "<p>Hi</p>" },
    });
    const converted = await makeLead({ companyId: loser.id, status: "converted" });
    await db.salesConversion.create({ data: { leadId: converted.id, conversionValue: 900, conversionType: "manual_mark", adminId: rep.id } });
    await requestCompanyMerge(rep, { company_id: loser.id, duplicate_of_id: survivor.id, note: "Same carrier" });
    await db.note.create({ data: { companyId: loser.id, authorId: rep.id, body: "Owner prefers texts" } });

    const before = { survivor: await rowsOf(survivor.id), loser: await rowsOf(loser.id) };
    const result = await mergeCompanies(manager, {
      survivor_id: survivor.id,
      merged_id: loser.id,
      city: loser.id,
      phone: loser.id,
      usdot: loser.id,
      name: survivor.id,
    });
    // Both companies came with an open lead (their webhooks'): named, left apart.
    const open = [survivor.leadId, loser.leadId].sort((a, b) => a - b);
    expect(result).toEqual({ survivorId: survivor.id, mergedId: loser.id, movedLeads: 2, movedContacts: 1, movedNotes: 1, openLeads: open });

    const after = { survivor: await rowsOf(survivor.id), loser: await rowsOf(loser.id) };
    for (const kind of Object.keys(before.survivor) as (keyof typeof before.survivor)[])
      expect(after.survivor[kind]).toEqual([...before.survivor[kind], ...before.loser[kind]].sort((a, b) => a - b));
    expect(Object.values(after.loser).every((rows) => rows.length === 0)).toBe(true);

    const kept = await db.company.findUniqueOrThrow({ where: { id: survivor.id } });
    expect(kept).toMatchObject({ name: survivor.c.name, city: "Dallas", phone: "+1 214 555 0142", phoneNorm: "+12145550142", usdot: loser.c.usdot, externalId: survivor.c.external_id, mergedIntoId: null });
    // The tombstone keeps the identifiers the survivor did not take (USDOT swapped), to route them.
    const tomb = await db.company.findUniqueOrThrow({ where: { id: loser.id } });
    expect(tomb).toMatchObject({ mergedIntoId: survivor.id, usdot: survivor.c.usdot, externalId: loser.c.external_id });
    expect(tomb.mergedAt).not.toBeNull();

    const merge = await db.companyMerge.findUniqueOrThrow({ where: { mergedId: loser.id } });
    expect(merge).toMatchObject({ survivorId: survivor.id, actorId: manager.id });
    expect(await db.companyMergeRequest.findFirstOrThrow({ where: { companyId: loser.id } })).toMatchObject({ status: "merged", resolvedById: manager.id });

    const [audit] = await db.auditLog.findMany({ where: { action: "company.merged", targetId: String(survivor.id) } });
    expect(audit).toMatchObject({ actorId: manager.id, targetType: "company" });
    expect(audit.before).toMatchObject({ survivor: { city: "Austin", usdot: survivor.c.usdot }, merged: { city: "Dallas", usdot: loser.c.usdot } });
    expect(audit.after).toMatchObject({ survivor: { city: "Dallas", usdot: loser.c.usdot }, choices: { city: "merged", usdot: "merged", name: "survivor" } });

    // Every lead of the survivor says so in its timeline, and the company's history shows it.
    const merges = await db.leadEvent.findMany({ where: { type: "company_merged", leadId: { in: after.survivor.leads } } });
    expect(merges.map((e) => e.leadId).sort((a, b) => a - b)).toEqual(after.survivor.leads);
    const history = await getLeadTimeline(rep, { company_id: survivor.id });
    expect(history.items.some((i) => i.kind === "event" && i.data.type === "company_merged")).toBe(true);

    // The merged company's page now belongs to the survivor.
    expect((await getCompany(rep, { company_id: loser.id })).mergedIntoId).toBe(survivor.id);
  });

  it("keeps two open leads apart when both companies have one, and says so on the merge page, the timelines and the audit", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser();
    const survivor = await companyWithHistory();
    const loser = await companyWithHistory();
    await db.salesLead.update({ where: { id: survivor.leadId }, data: { status: "pending", assignedAdminId: null } });
    await db.salesLead.update({ where: { id: loser.leadId }, data: { status: "assigned", assignedAdminId: rep.id, assignedAt: new Date() } });
    const closed = await makeLead({ companyId: loser.id, status: "lost" });

    const [a, b] = await getMergePreview(manager, { a: survivor.id, b: loser.id });
    expect(a.openLeads).toEqual([{ id: survivor.leadId, status: "pending", owner: null }]);
    expect(b.openLeads).toEqual([{ id: loser.leadId, status: "assigned", owner: rep.name }]);

    const result = await mergeCompanies(manager, { survivor_id: survivor.id, merged_id: loser.id });
    const open = [survivor.leadId, loser.leadId].sort((x, y) => x - y);
    expect(result.openLeads).toEqual(open);
    // Not combined: both stay open, each with its status and owner, now on the survivor.
    const leads = await db.salesLead.findMany({ where: { companyId: survivor.id }, orderBy: { id: "asc" } });
    expect(leads.map((l) => [l.id, l.status, l.assignedAdminId])).toEqual(
      [[survivor.leadId, "pending", null], [loser.leadId, "assigned", rep.id], [closed.id, "lost", null]].sort((x, y) => (x[0] as number) - (y[0] as number)),
    );
    // Every lead's timeline names the open leads; the audit row too.
    const events = await db.leadEvent.findMany({ where: { type: "company_merged", leadId: { in: leads.map((l) => l.id) } } });
    expect(events).toHaveLength(3);
    for (const e of events) expect((e.data as { open_leads?: number[] }).open_leads).toEqual(open);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "company.merged", targetId: String(survivor.id) } });
    expect((audit.after as { open_leads: number[] }).open_leads).toEqual(open);

    // One side with only closed leads: nothing to combine, nothing said.
    const other = await companyWithHistory();
    const quiet = await db.company.create({ data: { name: `Quiet ${uid()}` } });
    await makeLead({ companyId: quiet.id, status: "converted" });
    const [, q] = await getMergePreview(manager, { a: other.id, b: quiet.id });
    expect(q.openLeads).toEqual([]);
    expect((await mergeCompanies(manager, { survivor_id: other.id, merged_id: quiet.id })).openLeads).toEqual([]);
    const after = await db.leadEvent.findFirstOrThrow({ where: { type: "company_merged", leadId: other.leadId } });
    expect(after.data).not.toHaveProperty("open_leads");
  });

  it("routes a later webhook with any of the tombstone's identifiers to the survivor, without flipping the chosen fields", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const survivor = await companyWithHistory();
    const loser = await companyWithHistory();
    // The survivor takes the loser's external id: its own moves to the tombstone and still routes.
    await mergeCompanies(manager, { survivor_id: survivor.id, merged_id: loser.id, external_id: loser.id });
    expect((await db.company.findUniqueOrThrow({ where: { id: survivor.id } })).externalId).toBe(loser.c.external_id);

    for (const company of [
      { external_id: loser.c.external_id, name: "Old account" },
      { external_id: survivor.c.external_id, name: "Other account", email: `changed_${uid()}@carrier.example` },
      { name: "By USDOT", usdot: loser.c.usdot },
      { name: "By MC", mc_number: loser.c.mc_number, email: loser.c.email },
      { name: "By email", email: loser.c.email.toUpperCase() },
    ]) {
      const { lead_id } = await send(company);
      expect(await companyOfLead(lead_id)).toBe(survivor.id);
    }
    const kept = await db.company.findUniqueOrThrow({ where: { id: survivor.id } });
    // The survivor now is the account of the external id it took: that account's event renames it
    // as any event would. Events through the tombstone (the other account, "By USDOT" …) fill
    // nothing the survivor has: the name and email they carry are not taken.
    expect(kept).toMatchObject({ name: "Old account", email: survivor.c.email });
    expect(await db.salesLead.count({ where: { companyId: loser.id } })).toBe(0);
  });

  it("sends a manual lead, a contact or a note written for a merged company to the survivor", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser();
    const survivor = await companyWithHistory();
    const loser = await companyWithHistory();
    await mergeCompanies(manager, { survivor_id: survivor.id, merged_id: loser.id });
    const lead = await createManualLead(rep, { company_id: loser.id, description: "Opened before the merge" });
    expect(lead.company_id).toBe(survivor.id);
    const contact = await upsertContact(rep, { company_id: loser.id, name: "Late Contact" });
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).companyId).toBe(survivor.id);
    const note = await db.note.create({ data: { companyId: loser.id, authorId: rep.id, body: "Written on the old page" } });
    expect(note.companyId).toBe(survivor.id);
  });

  it("refuses bad input with 400, an already-merged company with 409, a missing one with 404, and changes nothing", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const a = await companyWithHistory();
    const b = await companyWithHistory();
    const c = await companyWithHistory();
    const snapshot = async () => [await rowsOf(a.id), await rowsOf(b.id), await rowsOf(c.id), await db.company.findMany({ where: { id: { in: [a.id, b.id, c.id] } }, orderBy: { id: "asc" } })];
    const audits = () => db.auditLog.count({ where: { action: "company.merged", targetId: { in: [a.id, b.id, c.id].map(String) } } });

    const start = await snapshot();
    await expect(mergeCompanies(manager, { survivor_id: a.id, merged_id: a.id })).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "merged_id", message: "A company cannot be merged with itself" })],
    });
    await expect(mergeCompanies(manager, { survivor_id: a.id, merged_id: b.id, city: c.id })).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "city" })],
    });
    await expect(mergeCompanies.fromRequest(manager, { survivor_id: "x", merged_id: b.id })).rejects.toMatchObject({ status: 400 });
    await expect(mergeCompanies(manager, { survivor_id: a.id, merged_id: 2_000_000_001 })).rejects.toMatchObject({ status: 404 });
    expect(await snapshot()).toEqual(start);
    expect(await audits()).toBe(0);

    await mergeCompanies(manager, { survivor_id: a.id, merged_id: b.id });
    const merged = await snapshot();
    // b is a tombstone now: merging it again, or into it, is a clear 409.
    await expect(mergeCompanies(manager, { survivor_id: c.id, merged_id: b.id })).rejects.toMatchObject({
      status: 409,
      message: `Company #${b.id} was already merged into company #${a.id}.`,
    });
    await expect(mergeCompanies(manager, { survivor_id: b.id, merged_id: c.id })).rejects.toMatchObject({ status: 409 });
    expect(await snapshot()).toEqual(merged);
    expect(await audits()).toBe(1);
  });

  it("is the manager's: a rep gets 404 from the merge, the list, the preview and the dismissal", async () => {
    const { actor: rep } = await makeUser();
    const a = await companyWithHistory();
    const b = await companyWithHistory();
    await expect(mergeCompanies(rep, { survivor_id: a.id, merged_id: b.id })).rejects.toMatchObject({ status: 404 });
    await expect(listPossibleDuplicates(rep, {})).rejects.toMatchObject({ status: 404 });
    await expect(getMergePreview(rep, { a: a.id, b: b.id })).rejects.toMatchObject({ status: 404 });
    const request = await requestCompanyMerge(rep, { company_id: a.id, duplicate_of_id: b.id });
    await expect(dismissMergeRequest(rep, { request_id: request.id })).rejects.toMatchObject({ status: 404 });
    expect(await db.company.count({ where: { id: { in: [a.id, b.id] }, mergedIntoId: { not: null } } })).toBe(0);
    // A company that does not exist is a 404 for its page's readers too.
    await expect(getCompany(rep, { company_id: 2_000_000_002 })).rejects.toMatchObject({ status: 404 });
    await expect(findCompanyDuplicates(rep, { company_id: 2_000_000_002 })).resolves.toEqual([]);
  });

  it("loses no event fired with the loser's identifiers while the merge runs", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const survivor = await companyWithHistory();
    const loser = await companyWithHistory();
    const identities = [
      { external_id: loser.c.external_id, name: loser.c.name },
      { name: loser.c.name, usdot: loser.c.usdot },
      { name: loser.c.name, email: loser.c.email },
      { name: loser.c.name, mc_number: loser.c.mc_number, email: loser.c.email },
    ];
    const ids = Array.from({ length: 40 }, (_, i) => `msg_merge_${uid()}_${i}`);
    const events = ids.map((id, i) => send(identities[i % identities.length], i % 2 ? "quote" : "location_share", id));
    // The merge starts while the first events are in flight; the rest follow it.
    const merge = mergeCompanies(manager, { survivor_id: survivor.id, merged_id: loser.id });
    const late = ids.map((id) => `${id}_late`).map((id, i) => send(identities[i % identities.length], "quote", id));
    await Promise.all([merge, ...events, ...late]);

    const activities = await db.leadActivity.findMany({
      where: { webhookId: { in: [...ids, ...ids.map((id) => `${id}_late`)] } },
      select: { webhookId: true, lead: { select: { companyId: true } } },
    });
    expect(activities).toHaveLength(80);
    expect(new Set(activities.map((a) => a.lead.companyId))).toEqual(new Set([survivor.id]));
    expect(await db.salesLead.count({ where: { companyId: loser.id } })).toBe(0);
  });
});

describe("mergeCompanies against an ingest in flight", () => {
  it("waits for an ingest holding the loser's keys, then moves what it wrote", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const survivor = await companyWithHistory();
    const loser = await companyWithHistory();
    const webhookId = `msg_held_${uid()}`;
    const event = {
      webhook_id: webhookId,
      body_sha256: "held",
      source: "quote",
      payload: { type: "quote", company: { external_id: loser.c.external_id, name: loser.c.name }, data: {} },
      occurred_at: new Date().toISOString(),
      value: 100,
      stated_value: null,
      states: ["TX"],
    };
    // An ingest transaction that has written its event to the loser and not committed yet.
    const held = await dbPool().connect();
    try {
      await held.query("BEGIN");
      const { rows: ingested } = await held.query<{ lead_id: number }>("SELECT lead_id FROM ingest_lead_events($1::jsonb, 60, 25)", [JSON.stringify([event])]);
      const { rows: me } = await held.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      const merge = mergeCompanies(manager, { survivor_id: survivor.id, merged_id: loser.id });
      // The merge queues behind the ingest's locks (polled: no clock in the assertion).
      for (;;) {
        const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${me[0].pid}::int = ANY(pg_blocking_pids(pid))`;
        if (n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await held.query("COMMIT");
      await merge;
      expect(await companyOfLead(ingested[0].lead_id)).toBe(survivor.id);
    } finally {
      held.release();
    }
    const activity = await db.leadActivity.findFirstOrThrow({ where: { webhookId }, select: { lead: { select: { companyId: true } } } });
    expect(activity.lead.companyId).toBe(survivor.id);
  });

  it("makes an event for the loser that arrives mid-merge wait, then land on the survivor", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const survivor = await companyWithHistory();
    const loser = await companyWithHistory();
    const blockedBy = async (pid: number) =>
      db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE ${pid}::int = ANY(pg_blocking_pids(pid))`;
    const until = async <T>(probe: () => Promise<T[]>): Promise<T> => {
      for (;;) {
        const [found] = await probe();
        if (found) return found;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    // Another writer holds the survivor's lead lock, so the merge stops after taking the identity keys.
    const held = await dbPool().connect();
    try {
      await held.query("BEGIN");
      await held.query("SELECT pg_advisory_xact_lock(hashtext('sales_leads.company'), $1::int)", [survivor.id]);
      const { rows: me } = await held.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      const merge = mergeCompanies(manager, { survivor_id: survivor.id, merged_id: loser.id });
      const merging = await until(() => blockedBy(me[0].pid));
      // An event naming the loser now waits on the merge's keys…
      const event = send({ external_id: loser.c.external_id, name: loser.c.name });
      await until(() => blockedBy(merging.pid));
      await held.query("COMMIT");
      await merge;
      // …and, once it commits, resolves through the tombstone.
      expect(await companyOfLead((await event).lead_id)).toBe(survivor.id);
    } finally {
      held.release();
    }
  });
});

describe("merge requests and the duplicates list", () => {
  it("lets a rep ask for a merge, shows it pending to the rep and in the manager's queue, and lets the manager dismiss it", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser();
    const usdot = String(1_000_000 + crypto.randomInt(8_999_999));
    const a = await companyWithHistory({ usdot, external_id: `ext_${uid()}` });
    const b = await companyWithHistory({ external_id: `ext_${uid()}`, usdot: undefined, email: `b_${uid()}@carrier.example` });
    await db.company.update({ where: { id: b.id }, data: { usdot } });

    const dupes = await findCompanyDuplicates(rep, { company_id: a.id });
    expect(dupes.find((d) => d.id === b.id)).toMatchObject({ reasons: ["usdot"], request: null });
    await expect(requestCompanyMerge(rep, { company_id: a.id, duplicate_of_id: a.id })).rejects.toMatchObject({ status: 400 });
    await expect(requestCompanyMerge(rep, { company_id: a.id, duplicate_of_id: 2_000_000_003 })).rejects.toMatchObject({ status: 404 });

    const request = await requestCompanyMerge(rep, { company_id: a.id, duplicate_of_id: b.id, note: "Same trucks" });
    // Asking again (either way round) is the same request.
    expect((await requestCompanyMerge(rep, { company_id: b.id, duplicate_of_id: a.id })).id).toBe(request.id);
    expect((await findCompanyDuplicates(rep, { company_id: b.id })).find((d) => d.id === a.id)?.request).toMatchObject({ id: request.id, mine: true });

    const queue = await listPossibleDuplicates(manager, {});
    expect(queue.requests.find((r) => r.id === request.id)).toMatchObject({ company: { id: a.id }, duplicateOf: { id: b.id }, note: "Same trucks" });
    await dismissMergeRequest(manager, { request_id: request.id });
    expect((await listPossibleDuplicates(manager, {})).requests.some((r) => r.id === request.id)).toBe(false);
    await expect(dismissMergeRequest(manager, { request_id: request.id })).rejects.toMatchObject({ status: 404 });
    expect(await db.auditLog.count({ where: { action: { in: ["company.merge_requested", "company.merge_request_dismissed"] }, targetId: String(a.id) } })).toBe(2);
  });

  it("groups live companies by each shared key, pages on the server, and drops a group once merged", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const usdot = String(1_000_000 + crypto.randomInt(8_999_999));
    const mc = String(1_000_000 + crypto.randomInt(8_999_999));
    const trio = [];
    for (let i = 0; i < 3; i++) trio.push(await db.company.create({ data: { name: `Dup ${uid()}`, usdot } }));
    const pair = [];
    for (const mcNumber of [`MC-0${mc}`, `MC ${mc}`]) pair.push(await db.company.create({ data: { name: `Mc ${uid()}`, mcNumber } }));

    async function allGroups() {
      const groups = [];
      for (let page = 1; ; page++) {
        const p = await listPossibleDuplicates(manager, { page });
        expect(p.groups.length).toBeLessThanOrEqual(DUPLICATES_PAGE_SIZE);
        groups.push(...p.groups);
        if (page * p.pageSize >= p.total) break;
      }
      return groups;
    }
    let groups = await allGroups();
    expect(groups.find((g) => g.rule === "usdot" && g.key === usdot)).toMatchObject({ size: 3, companies: trio.map((c) => expect.objectContaining({ id: c.id })) });
    expect(groups.find((g) => g.rule === "mc" && g.key === mc)?.companies.map((c) => c.id)).toEqual(pair.map((c) => c.id));
    // The rules come strongest first.
    const ranks = groups.map((g) => ["usdot", "mc", "email", "phone", "name_state"].indexOf(g.rule));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));

    await mergeCompanies(manager, { survivor_id: pair[0].id, merged_id: pair[1].id });
    groups = await allGroups();
    expect(groups.some((g) => g.rule === "mc" && g.key === mc)).toBe(false);
  });
});
