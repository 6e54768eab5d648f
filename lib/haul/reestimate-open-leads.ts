import "server-only";
import { db } from "@/lib/db";
import { estimateHaul, type THaulEstimate } from "@/lib/haul/estimate-haul";
import { haulInputFromLeadData } from "@/lib/haul/haul-input-from-lead-data";
import { forgetHaulPricing, loadHaulPricing } from "@/lib/haul/load-haul-pricing";
import { estimateLeadValue } from "@/lib/ingest/estimate-lead-value";

// Leads still worked: a converted or lost lead keeps the value it closed with.
const OPEN = ["pending", "assigned", "in_progress"];
export const REESTIMATE_BATCH = 200;

type TActivity = { lead_id: number; source: string; payload: Record<string, unknown> };

/**
 * What ingest would store for this lead's events with today's pricing: the haul worth most over
 * its load plans (the first of equals, as apply_lead_haul() keeps the earlier one) and the value
 * the largest of the events' values (each as estimateLeadValue() and the sender's stated value).
 * Null when nothing can be recomputed: no load on a route, or an event priced from the
 * historical conversion average at its time (a location share without a stated value).
 */
function recompute(activities: TActivity[], pricing: Awaited<ReturnType<typeof loadHaulPricing>>) {
  let best: THaulEstimate | null = null;
  let value = 0;
  for (const a of activities) {
    const data = (a.payload.data ?? {}) as Record<string, unknown>;
    const input = a.source === "load_plan" ? haulInputFromLeadData(data) : null;
    const haul = input ? estimateHaul(input, pricing) : null;
    if (haul && (!best || (haul.value?.high ?? 0) > (best.value?.high ?? 0))) best = haul;
    const own = estimateLeadValue(a.source, data, haul);
    const stated = Number(a.payload.estimated_value) || 0;
    if (own === null && !stated) return null;
    value = Math.max(value, own ?? 0, stated);
  }
  return best ? { haul: best, value: Math.round(value * 100) / 100 } : null;
}

/**
 * After the manager changed an escort rule, the escort-mile rate or a permit fee (job
 * `haul-reestimate`): every open load-plan lead is priced again from its stored events, in id
 * batches. Idempotent (an unchanged lead is not written); a lead whose status or events changed
 * since it was read is left alone, the next run or its own next event prices it.
 */
export async function reestimateOpenLeads(
  { batchSize = REESTIMATE_BATCH }: { batchSize?: number } = {},
): Promise<{ checked: number; updated: number }> {
  // The runner may be another instance than the one the change was made on: read afresh.
  forgetHaulPricing();
  const pricing = await loadHaulPricing();
  let after = 0;
  let checked = 0;
  let updated = 0;
  for (;;) {
    const leads = await db.$queryRaw<{ id: number; status: string; events: number }[]>`
      SELECT l.id, l.status::text AS status, (SELECT count(*)::int FROM lead_activities a WHERE a.lead_id = l.id) AS events
      FROM sales_leads l
      WHERE l.id > ${after} AND l.lead_source = 'load_plan' AND l.status::text = ANY(${OPEN})
      ORDER BY l.id LIMIT ${batchSize}`;
    if (leads.length === 0) break;
    after = leads[leads.length - 1].id;
    const activities = await db.$queryRaw<TActivity[]>`
      SELECT a.lead_id, a.source, a.payload FROM lead_activities a
      WHERE a.lead_id = ANY(${leads.map((l) => l.id)}) ORDER BY a.lead_id, a.occurred_at, a.id`;
    for (const lead of leads) {
      checked += 1;
      const next = recompute(
        activities.filter((a) => a.lead_id === lead.id),
        pricing,
      );
      if (!next) continue;
      const haul = JSON.stringify(next.haul);
      updated += await db.$transaction(async (tx) => {
        // Guarded on what was read: status and event count unchanged, and something to change.
        // The priority score as ingest_lead_event() scores it: the strongest of the lead's sources.
        const changed = await tx.$executeRaw`
          UPDATE sales_leads l
          SET haul = NULL, estimated_value = ${next.value}::numeric(12, 2), updated_at = now(),
              priority_score = (SELECT max(lead_priority_score(s.source, ${next.value}::numeric(12, 2), ${lead.events}::int))
                                FROM (SELECT l.lead_source::text AS source UNION SELECT a.source FROM lead_activities a WHERE a.lead_id = l.id) s)
          WHERE l.id = ${lead.id} AND l.status::text = ${lead.status}
            AND (SELECT count(*) FROM lead_activities a WHERE a.lead_id = l.id) = ${lead.events}
            AND (l.haul IS DISTINCT FROM ${haul}::jsonb OR l.estimated_value IS DISTINCT FROM ${next.value}::numeric(12, 2))`;
        if (changed === 0) return 0;
        // The haul and its flag columns are written by the one SQL that writes them at ingest.
        await tx.$executeRaw`SELECT apply_lead_haul(${lead.id}::int, ${haul}::jsonb, false, NULL::text)`;
        return 1;
      });
    }
  }
  return { checked, updated };
}
