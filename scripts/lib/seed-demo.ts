import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { computePriorityScore } from "@/lib/leads/compute-priority-score";
import { DEFAULT_TIME_ZONE } from "@/lib/kernel/zoned-time";
import { buildCompany, buildLeadData, createRandom, personName, pickTitle } from "./demo-data";
import { toWorkingHours } from "./working-hours";
import { ESCORT_RULES_SEED } from "@/lib/haul/escort-rules-seed";
import { estimateHaul } from "@/lib/haul/estimate-haul";
import { haulInputFromLeadData } from "@/lib/haul/haul-input-from-lead-data";
import { COMPANY_SETTINGS } from "@/lib/kernel/company-settings";
import { estimateLeadValue } from "@/lib/ingest/estimate-lead-value";

// Demo load plans are priced as ingestion prices them, with the seeded rules and default rate.
const DEMO_HAUL_PRICING = { rules: ESCORT_RULES_SEED, escortMileRate: COMPANY_SETTINGS.escortMileRate.default, permitFees: {} };

export const DEMO_REPS = [
  { key: "alex", name: "Alex Rivera", phone: "+1 512 555 0101" },
  { key: "sarah", name: "Sarah Chen", phone: "+1 512 555 0102" },
  { key: "mike", name: "Mike Johnson", phone: "+1 512 555 0103" },
  { key: "jessica", name: "Jessica Patel", phone: "+1 512 555 0104" },
  { key: "david", name: "David Kim", phone: "+1 512 555 0105" },
];

export const DEMO_TERRITORIES = [
  { name: "West", states: ["WA", "OR", "CA", "NV", "ID", "MT", "WY", "UT", "CO", "AZ", "NM"], reps: ["alex"] },
  { name: "Central", states: ["ND", "SD", "NE", "KS", "OK", "TX", "MN", "IA", "MO"], reps: ["sarah", "david"] },
  { name: "Southeast", states: ["AR", "LA", "MS", "AL", "GA", "FL", "SC", "NC", "TN", "KY"], reps: ["mike", "david"] },
  {
    name: "Northeast",
    states: ["WI", "IL", "MI", "IN", "OH", "WV", "VA", "MD", "DE", "PA", "NJ", "NY", "CT", "RI", "MA", "VT", "NH", "ME"],
    reps: ["jessica"],
  },
];

export const DEMO_TEMPLATES = [
  {
    name: "Initial",
    subject: "Pilot cars for your {{route_origin}} → {{route_destination}} move",
    // A webhook lead has no contact yet: the greeting falls back instead of blocking the send.
    body: "Hi {{contact_name | \"there\"}},\n\nThis is {{rep_name}} with Pilot CRM Escorts. I saw {{company_name}} planning a load from {{route_origin}} to {{route_destination}}. We run certified pilot cars and handle the permits in every state on the route.\n\nCan I send you a quote? Call me at {{rep_phone}} or just reply here.\n\n{{rep_name}}",
  },
  {
    name: "Follow-up",
    subject: "Following up on your pilot car quote",
    body: "Hi {{contact_name}},\n\nJust following up on the escort quote for {{company_name}}. We can hold the crew for your dates; reply or call {{rep_phone}} and I will lock it in.\n\nThanks,\n{{rep_name}}",
  },
  {
    name: "Callback",
    subject: "Sorry I missed you — {{rep_name}} from Pilot CRM Escorts",
    body: "Hi {{contact_name}},\n\nI tried to reach you about pilot cars for {{company_name}}. When is a good time to talk? You can reach me directly at {{rep_phone}}.\n\n{{rep_name}}",
  },
];

const DAY = 86_400_000;

/** Creates the demo once: users, territories, templates, ~300 companies and ~600 leads with history. */
export async function seedDemo(password: string) {
  if (await db.user.findUnique({ where: { email: "manager@pilot-crm.test" } })) return { created: false, summary: "" };
  const r = createRandom(20261120);
  const passwordHash = await hashPassword(password);
  const manager = await db.user.create({
    data: { email: "manager@pilot-crm.test", name: "Morgan Lee", role: "super_admin", passwordHash, phone: "+1 512 555 0100" },
  });
  const reps = new Map<string, number>();
  for (const rep of DEMO_REPS) {
    const u = await db.user.create({ data: { email: `${rep.key}@pilot-crm.test`, name: rep.name, phone: rep.phone, passwordHash } });
    reps.set(rep.key, u.id);
  }
  for (const t of DEMO_TERRITORIES) {
    await db.territory.create({
      data: { name: t.name, states: t.states, members: { create: t.reps.map((k) => ({ userId: reps.get(k)! })) } },
    });
  }
  for (const t of DEMO_TEMPLATES) await db.emailTemplate.create({ data: { ...t, updatedById: manager.id } });

  const companies = await db.company.createManyAndReturn({
    data: Array.from({ length: 300 }, (_, i) => buildCompany(r, i)),
    select: { id: true, state: true },
  });
  await db.contact.createMany({
    data: companies.flatMap((c, i) =>
      Array.from({ length: 1 + (i % 3 === 0 ? 1 : 0) }, (_, k) => ({
        companyId: c.id,
        name: personName(r),
        title: pickTitle(r),
        email: `contact${k + 1}.${c.id}@mail.example`,
        phone: `+1 ${r.int(201, 989)} 555 ${String(r.int(0, 9999)).padStart(4, "0")}`,
      })),
    ),
  });

  const repIds = [...reps.values()];
  const now = Date.now();
  const work = (d: Date) => toWorkingHours(d, new Date(now), DEFAULT_TIME_ZONE);
  let leadCount = 0;
  let actionCount = 0;
  for (let i = 0; i < 600; i++) {
    const company = companies[i % companies.length];
    let createdAt = new Date(now - r.int(0, 120 * 24) * 3_600_000);
    const ageDays = (now - createdAt.getTime()) / DAY;
    const source = r.weighted({ load_plan: 40, quote: 35, location_share: 8, order_attempt: 10, manual: 7 });
    const built = buildLeadData(r, source, createdAt);
    const haulInput = source === "load_plan" ? haulInputFromLeadData(built.data) : null;
    const haul = haulInput ? estimateHaul(haulInput, DEMO_HAUL_PRICING) : null;
    const value = haul ? (estimateLeadValue("load_plan", built.data, haul) ?? built.value) : built.value;
    const status =
      ageDays < 2
        ? r.weighted({ pending: 70, assigned: 20, in_progress: 10 })
        : r.weighted({ pending: 12, assigned: 12, in_progress: 30, converted: 26, lost: 20 });
    const repId = status === "pending" ? null : r.pick(repIds);
    let assignedAt = repId ? new Date(createdAt.getTime() + r.int(5, 240) * 60_000) : null;
    // A lead claimed but not yet called was claimed lately: reps call what they claim within days,
    // so day one's call list shows "claimed 2 days ago", not months. Spread over the past week by
    // the lead's number (no extra random draw: the rest of the demo stays as it was).
    if (assignedAt && status === "assigned" && now - assignedAt.getTime() > 7 * DAY)
      assignedAt = new Date(now - 3_600_000 - ((i * 7919) % (6 * 24 * 60)) * 60_000);
    const states = [...new Set([...built.states, company.state!])];

    // Sales actions after assignment, with the latest one setting the lead's call fields. A lead
    // still open is one its rep is working: its actions fall in the past week and its follow-up
    // is due in the days after the latest, so day one shows a few overdue, not months of them.
    const open = status !== "converted" && status !== "lost";
    const actions: { actionType: "call" | "email" | "text" | "meeting"; outcome: string | null; createdAt: Date; followUpDate: Date | null; notes: string }[] = [];
    if (repId && status !== "assigned") {
      const n = r.int(1, 5);
      const from = Math.min(now - 60_000, open ? Math.max(assignedAt!.getTime(), now - 7 * DAY) : assignedAt!.getTime());
      for (let k = 0; k < n; k++) {
        const at = open
          ? new Date(from + ((k + r.next()) / n) * (now - 60_000 - from))
          : new Date(Math.min(now - 60_000, from + (k + 1) * r.int(2, 72) * 3_600_000));
        const actionType = r.weighted({ call: 70, email: 18, text: 8, meeting: 4 });
        const outcome = r.weighted({ answered: 20, voicemail: 20, no_answer: 20, interested: 20, not_interested: 8, callback: 12 });
        const followUp = outcome === "not_interested" ? null : new Date(at.getTime() + (open ? r.int(1, 7) : r.int(-3, 7)) * DAY);
        actions.push({ actionType, outcome, createdAt: at, followUpDate: followUp, notes: `${actionType} — ${outcome.replace("_", " ")}` });
      }
      actions.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    }
    // Every moment of the lead, moved into the company's working hours (order and counts kept).
    createdAt = work(createdAt);
    if (assignedAt) assignedAt = work(assignedAt);
    for (const a of actions) {
      a.createdAt = work(a.createdAt);
      if (a.followUpDate) a.followUpDate = work(a.followUpDate);
    }
    const lastCall = [...actions].reverse().find((a) => a.actionType === "call");
    const last = actions.at(-1);
    const closedAt = status === "converted" || status === "lost" ? work(new Date(Math.min(now, (last?.createdAt.getTime() ?? createdAt.getTime()) + r.int(1, 48) * 3_600_000))) : null;
    const conversionValue = Math.round(built.value * (0.6 + r.next() * 0.9) * 100) / 100;

    const lead = await db.salesLead.create({
      data: {
        companyId: company.id,
        leadSource: source,
        leadData: built.data,
        estimatedValue: value,
        ...(haul ? { haul: JSON.parse(JSON.stringify(haul)), needsPolice: haul.flags.police, superload: haul.flags.superload } : {}),
        status,
        assignedAdminId: repId,
        assignedAt,
        states,
        priorityScore: computePriorityScore({ leadSource: source, estimatedValue: value, activityCount: 1 }),
        nextFollowUpAt: open ? (last?.followUpDate ?? null) : null,
        lastActivityAt: createdAt,
        lastContactAt: last?.createdAt ?? null,
        lastCallOutcome: (lastCall?.outcome as never) ?? null,
        lostReason: status === "lost" ? r.pick(["Went with another escort company", "Price too high", "Load cancelled", "No response after 5 attempts"]) : null,
        closedAt,
        createdAt,
        activities: { create: { source, payload: built.data, occurredAt: createdAt, webhookId: `demo_${i}` } },
        actions: { create: actions.map((a) => ({ ...a, outcome: a.outcome as never, adminId: repId!, actionDescription: `${a.actionType[0].toUpperCase()}${a.actionType.slice(1)} with dispatcher` })) },
        ...(status === "converted"
          ? { conversion: { create: { conversionValue, conversionType: r.chance(0.7) ? "order_placed" : "manual_mark", orderId: `PO-${50000 + i}`, adminId: repId, notes: "Booked escorts", createdAt: closedAt! } } }
          : {}),
      },
    });
    const events: { type: string; fromStatus?: never; toStatus?: never; actorId?: number | null; createdAt: Date; data?: object }[] = [
      { type: "created", toStatus: "pending" as never, createdAt, data: { source } },
    ];
    if (repId) events.push({ type: r.chance(0.85) ? "claimed" : "assigned", fromStatus: "pending" as never, toStatus: "assigned" as never, actorId: repId, createdAt: assignedAt! });
    if (actions.length) events.push({ type: "status_changed", fromStatus: "assigned" as never, toStatus: "in_progress" as never, actorId: repId, createdAt: actions[0].createdAt });
    if (closedAt) events.push({ type: status === "converted" ? "converted" : "lost", fromStatus: "in_progress" as never, toStatus: status as never, actorId: repId, createdAt: closedAt });
    await db.leadEvent.createMany({ data: events.map((e) => ({ ...e, leadId: lead.id, data: e.data ?? {} })) });
    leadCount++;
    actionCount += actions.length;
  }
  await db.setting.createMany({
    data: [
      { key: "territory_mode", value: "open" },
      { key: "time_zone", value: DEFAULT_TIME_ZONE },
    ],
    skipDuplicates: true,
  });
  return { created: true, summary: `6 users, 4 territories, ${companies.length} companies, ${leadCount} leads, ${actionCount} actions` };
}
