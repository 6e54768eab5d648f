// npm run bench -- lead-page [--runs N] [--events 5000] [--huge]
// The lead page's server-side data (issue #19: first paint < 300 ms for a lead with 5 000
// timeline events) on the big bench database, as app/admin/crm/lead/[id]/page.tsx reads it: the
// first paint (lead detail, first history page and users side by side) and, separately, the panels
// that stream in after it through Suspense (lead-page-panels.tsx: requests, notes, texts, emails,
// sequences), for a lead with `events` timeline rows and for one with 10, side by side in one run;
// and the history's deepest "Show older" page against its first (keyset paging: the same cost at
// any depth). The two leads are made once (set-based) and reused. --huge measures on the 10x
// database (1 M leads, ~10 M actions) instead of the big one.
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import { getLeadDetail } from "@/lib/leads/get-lead-detail";
import { getLeadTimeline } from "@/lib/leads/get-lead-timeline";
import { getLeadEmailPanel } from "@/lib/email/get-lead-email-panel";
import { getLeadTextPanel } from "@/lib/sms/get-lead-text-panel";
import { listNotes } from "@/lib/notes/list-notes";
import { getLeadRequestPanel } from "@/lib/requests/get-lead-request-panel";
import { getLeadEnrolments } from "@/lib/sequences/get-lead-enrolments";
import { listSequences } from "@/lib/sequences/list-sequences";
import { listUsers } from "@/lib/users/list-users";
// Aliased: the hooks lint rule reads any use* call as a React hook.
import { hugeRequested, prepareBenchDatabases, prepareHugeDatabase, useDatabase as pointDatabaseAt } from "./lib/bench-database";
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
  const huge = hugeRequested(args);
  const big = huge ? (await prepareHugeDatabase()).huge : (await prepareBenchDatabases()).big;
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

  // What the first paint waits for, side by side as the page reads it.
  const firstPaint = (leadId: number, before?: string) =>
    Promise.all([
      getLeadDetail(actor, { lead_id: leadId }),
      getLeadTimeline(actor, { lead_id: leadId, before }),
      listUsers({ activeOnly: true }),
    ]);
  // The Suspense panels, each read as its async component reads it; they start together after the
  // first paint's data, so their figure is what the last one to arrive adds.
  const streamed = (leadId: number) =>
    Promise.all([
      getLeadRequestPanel(actor, leadId),
      listNotes(actor, { lead_id: leadId }),
      getLeadTextPanel(actor, { leadId }),
      getLeadEmailPanel(actor, { leadId }),
      Promise.all([getLeadEnrolments(actor, leadId), listSequences(actor)]),
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
    quiet: await timeRuns(() => firstPaint(quiet), runs, 3),
    busy: await timeRuns(() => firstPaint(busy), runs, 3),
    busyDeepest: await timeRuns(() => firstPaint(busy, deepest), runs, 3),
    streamedQuiet: await timeRuns(() => streamed(quiet), runs, 3),
    streamedBusy: await timeRuns(() => streamed(busy), runs, 3),
    timelineFirst: await timeRuns(() => getLeadTimeline(actor, { lead_id: busy }), runs, 3),
    timelineDeepest: await timeRuns(
      () => getLeadTimeline(actor, { lead_id: busy, before: deepest }),
      runs,
      3,
    ),
  };
  const ratio = (a: number, b: number) => `${Math.round((10 * a) / b) / 10}×`;
  const pass = t.busy.p95 < TARGET_MS && t.busyDeepest.p95 < TARGET_MS;
  const row = (what: string, x: { p50: number; p95: number }, vs: string, target: number | string) => ({
    what,
    p50: x.p50,
    p95: x.p95,
    "vs 10 rows": vs,
    target,
  });
  printTable(
    `lead page server data: ms, ${runs} runs each, ${huge ? "huge (10x)" : "big"} bench database; lead with ${events} history rows (${pagesWalked} pages) vs one with 10`,
    [
      row("first paint, 10 rows", t.quiet, "1×", TARGET_MS),
      row(`first paint, ${events} rows, first page`, t.busy, ratio(t.busy.p95, t.quiet.p95), TARGET_MS),
      row(`first paint, ${events} rows, oldest page`, t.busyDeepest, ratio(t.busyDeepest.p95, t.quiet.p95), TARGET_MS),
      row("streamed panels, 10 rows", t.streamedQuiet, "1×", "-"),
      row(`streamed panels, ${events} rows`, t.streamedBusy, ratio(t.streamedBusy.p95, t.streamedQuiet.p95), "-"),
      row("timeline alone, first page", t.timelineFirst, "-", "-"),
      row("timeline alone, oldest page", t.timelineDeepest, "-", "-"),
    ],
  );
  return {
    pass,
    figures: {
      huge,
      runs,
      events,
      pages: pagesWalked,
      target_ms: TARGET_MS,
      p95_ms: Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.p95])),
    },
  };
}
