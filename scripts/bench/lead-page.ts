// npm run bench -- lead-page [--runs N] [--events 5000]
// The lead page's server-side data (issue #19: first paint < 300 ms for a lead with 5 000
// timeline events) on the big bench database: the page's data functions together, as
// app/admin/crm/lead/[id]/page.tsx calls them, for a lead with `events` timeline rows and for one
// with 10, side by side in one run; and the history's deepest "Show older" page against its first
// (keyset paging: the same cost at any depth). The two leads are made once (set-based) and reused.
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import { getLeadDetail } from "@/lib/leads/get-lead-detail";
import { getLeadTimeline } from "@/lib/leads/get-lead-timeline";
import { getLeadEmailPanel } from "@/lib/email/get-lead-email-panel";
import { listNotes } from "@/lib/notes/list-notes";
import { listUsers } from "@/lib/users/list-users";
// Aliased: the hooks lint rule reads any use* call as a React hook.
import { prepareBenchDatabases, useDatabase as pointDatabaseAt } from "./lib/bench-database";
import { printTable, timeRuns, type TBenchResult } from "./lib/report";

const TARGET_MS = 300;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** A lead of the bench company with `events` history rows (actions, events, activities ~ 6:3:1), made once. */
async function benchLead(events: number, rep: number): Promise<number> {
  const marker = `bench-lead-page-${events}`;
  const found = await db.$queryRaw<
    { id: number }[]
  >`SELECT id FROM sales_leads WHERE lead_data->>'bench' = ${marker} LIMIT 1`;
  if (found[0]) return found[0].id;
  // One transaction, so an interrupted run leaves no half-made lead behind. The next-touch
  // triggers are off for the bulk insert (each row's AFTER trigger scans the lead's earlier
  // actions: quadratic for one lead's 3 000) and next_touch_at is set once afterwards, as the big
  // seed does.
  const id = await db.$transaction(
    async (tx) => {
      const [{ id }] = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO sales_leads (company_id, lead_source, lead_data, estimated_value, status, assigned_admin_id, assigned_at, states, created_at, last_activity_at, updated_at)
      SELECT (SELECT min(id) FROM companies), 'quote', jsonb_build_object('bench', ${marker}::text), 1500, 'in_progress', ${rep}::int,
             now() - interval '400 days', ARRAY['TX','OK'], now() - interval '400 days', now(), now()
      RETURNING id`;
      await tx.$executeRaw`SET LOCAL session_replication_role = replica`;
      const actions = Math.round(events * 0.6);
      const lifecycle = Math.round(events * 0.3);
      const activities = events - actions - lifecycle;
      await tx.$executeRaw`
      INSERT INTO sales_actions (lead_id, admin_id, action_type, outcome, notes, created_at)
      SELECT ${id}::int, ${rep}::int, 'call', (ARRAY['answered','no_answer','voicemail','interested']::action_outcome[])[1 + g % 4],
             'Bench call ' || g, now() - interval '399 days' + g * interval '1 hour'
      FROM generate_series(${actions}::int, 1, -1) g`;
      await tx.$executeRaw`
      INSERT INTO lead_events (lead_id, actor_id, type, from_status, to_status, created_at)
      SELECT ${id}::int, ${rep}::int, 'status_changed', 'assigned', 'in_progress', now() - interval '399 days' + g * interval '2 hours'
      FROM generate_series(${lifecycle}::int, 1, -1) g`;
      await tx.$executeRaw`
      INSERT INTO lead_activities (lead_id, source, payload, occurred_at)
      SELECT ${id}::int, 'quote', jsonb_build_object('total_cost', 1000 + g), now() - interval '399 days' + g * interval '5 hours'
      FROM generate_series(${activities}::int, 1, -1) g`;
      await tx.$executeRaw`SET LOCAL session_replication_role = origin`;
      await tx.$executeRaw`
        UPDATE sales_actions a SET next_touch_at = n.next_at
        FROM (SELECT id, lead(created_at) OVER (ORDER BY created_at, id) AS next_at FROM sales_actions WHERE lead_id = ${id}::int) n
        WHERE a.id = n.id AND n.next_at IS NOT NULL`;
      return id;
    },
    { timeout: 15 * 60_000 },
  );
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) sales_actions, lead_events, lead_activities`);
  return id;
}

export async function run(args: string[]): Promise<TBenchResult> {
  const runs = Number(option(args, "runs") ?? 30);
  const events = Number(option(args, "events") ?? 5000);
  const { big } = await prepareBenchDatabases();
  pointDatabaseAt(big);
  const manager = await db.user.findFirstOrThrow({
    where: { role: "super_admin", active: true },
    orderBy: { id: "asc" },
  });
  const actor: TActor = { id: manager.id, role: manager.role, name: manager.name, email: manager.email };
  const rep = await db.user.findFirstOrThrow({
    where: { role: "admin", active: true },
    orderBy: { id: "asc" },
  });
  const [busy, quiet] = [await benchLead(events, rep.id), await benchLead(10, rep.id)];

  // As the page loads them, side by side.
  const page = (leadId: number, before?: string) =>
    Promise.all([
      getLeadDetail(actor, { lead_id: leadId }),
      getLeadTimeline(actor, { lead_id: leadId, before }),
      getLeadEmailPanel(actor, { leadId }),
      listNotes(actor, { lead_id: leadId }),
      listUsers({ activeOnly: true }),
    ]);
  // The deepest page's position: walk the history once.
  let before: string | undefined;
  let pagesWalked = 0;
  for (;;) {
    const p = await getLeadTimeline(actor, { lead_id: busy, before });
    pagesWalked++;
    if (!p.older) break;
    before = p.older;
  }
  const deepest = before;

  const t = {
    quiet: await timeRuns(() => page(quiet), runs, 3),
    busy: await timeRuns(() => page(busy), runs, 3),
    busyDeepest: await timeRuns(() => page(busy, deepest), runs, 3),
    timelineFirst: await timeRuns(() => getLeadTimeline(actor, { lead_id: busy }), runs, 3),
    timelineDeepest: await timeRuns(
      () => getLeadTimeline(actor, { lead_id: busy, before: deepest }),
      runs,
      3,
    ),
  };
  const ratio = (a: number, b: number) => `${Math.round((10 * a) / b) / 10}×`;
  const pass = t.busy.p95 < TARGET_MS && t.busyDeepest.p95 < TARGET_MS;
  printTable(
    `lead page server data: ms, ${runs} runs each, big bench database; lead with ${events} history rows (${pagesWalked} pages) vs one with 10`,
    [
      {
        what: "page data, 10 rows",
        p50: t.quiet.p50,
        p95: t.quiet.p95,
        "vs 10 rows": "1×",
        target: TARGET_MS,
      },
      {
        what: `page data, ${events} rows, first page`,
        p50: t.busy.p50,
        p95: t.busy.p95,
        "vs 10 rows": ratio(t.busy.p95, t.quiet.p95),
        target: TARGET_MS,
      },
      {
        what: `page data, ${events} rows, oldest page`,
        p50: t.busyDeepest.p50,
        p95: t.busyDeepest.p95,
        "vs 10 rows": ratio(t.busyDeepest.p95, t.quiet.p95),
        target: TARGET_MS,
      },
      {
        what: "timeline alone, first page",
        p50: t.timelineFirst.p50,
        p95: t.timelineFirst.p95,
        "vs 10 rows": "-",
        target: "-",
      },
      {
        what: "timeline alone, oldest page",
        p50: t.timelineDeepest.p50,
        p95: t.timelineDeepest.p95,
        "vs 10 rows": "-",
        target: "-",
      },
    ],
  );
  return {
    pass,
    figures: {
      runs,
      events,
      pages: pagesWalked,
      target_ms: TARGET_MS,
      p95_ms: Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.p95])),
    },
  };
}
