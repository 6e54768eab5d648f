import { db } from "@/lib/db";
import { STATE_CODES } from "@/lib/geo/us-states";

// Big data for benchmarks, generated inside PostgreSQL (INSERT … SELECT generate_series) in
// batches: no rows cross the wire, so 100 000 leads and 1 000 000 actions take well under 3 min.
const BATCH = 10_000;

function progress(label: string, done: number, total: number, quiet?: boolean) {
  if (quiet) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stdout.write(`\r${label.padEnd(8)} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}`);
  if (done >= total) process.stdout.write("\n");
}

export async function seedBig({ leads, actions, quiet }: { leads: number; actions: number; quiet?: boolean }) {
  const reps = await db.user.findMany({ where: { role: "admin", active: true }, select: { id: true } });
  if (!reps.length) throw new Error("no reps: seed the demo first");
  const repArray = `ARRAY[${reps.map((r) => r.id).join(",")}]::int[]`;
  const stateArray = `ARRAY[${STATE_CODES.filter((s) => s !== "AK" && s !== "HI" && s !== "DC").map((s) => `'${s}'`).join(",")}]::text[]`;
  const startedAt = Date.now();
  await db.$executeRawUnsafe(`SELECT setseed(0.2026)`);

  // One company for every five leads, as in the demo.
  const companyCount = Math.max(1, Math.ceil(leads / 5));
  const [{ base }] = await db.$queryRawUnsafe<{ base: number }[]>(`SELECT coalesce(max(id), 0)::int AS base FROM companies`);
  await db.$executeRawUnsafe(`
    INSERT INTO companies (external_id, name, email, email_norm, phone, usdot, mc_number, city, state, updated_at)
    SELECT 'big_' || ($1::int + g), 'Carrier ' || ($1::int + g) || ' Transport', 'ops' || ($1::int + g) || '@carrier.example',
           'ops' || ($1::int + g) || '@carrier.example', '+1 555 ' || lpad(((g * 7919) % 10000000)::text, 7, '0'),
           (2000000 + $1::int + g)::text, 'MC-' || (700000 + $1::int + g), 'Town ' || (g % 500),
           (${stateArray})[1 + (g % 48)], now()
    FROM generate_series(1, $2::int) g`, base, companyCount);

  let made = 0;
  while (made < leads) {
    const n = Math.min(BATCH, leads - made);
    await db.$executeRawUnsafe(`
      WITH src AS (
        SELECT g, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
               now() - (random() * interval '365 days') AS created
        FROM generate_series(1, $1::int) g
      )
      INSERT INTO sales_leads (company_id, lead_source, lead_data, estimated_value, status, assigned_admin_id, assigned_at,
                               states, priority_score, next_follow_up_at, last_activity_at, last_contact_at, last_call_outcome,
                               lost_reason, closed_at, created_at, updated_at)
      SELECT $2::int + 1 + ((g * 7 + $3::int) % $4::int),
             (ARRAY['load_plan','quote','location_share','order_attempt','manual'])[1 + floor(r1 * 5)::int]::lead_source,
             jsonb_build_object('generated', true, 'miles', floor(r2 * 1800 + 100)::int),
             round((300 + r2 * 9000)::numeric, 2),
             st.status::lead_status,
             CASE WHEN st.status = 'pending' THEN NULL ELSE (${repArray})[1 + floor(r3 * ${reps.length})::int] END,
             CASE WHEN st.status = 'pending' THEN NULL ELSE created + interval '2 hours' END,
             ARRAY[(${stateArray})[1 + floor(r3 * 48)::int], (${stateArray})[1 + floor(r4 * 48)::int]],
             floor(r1 * 100)::int,
             CASE WHEN st.status IN ('assigned','in_progress') THEN now() + (r4 * 14 - 7) * interval '1 day' END,
             created,
             CASE WHEN st.status NOT IN ('pending','assigned') THEN created + interval '1 day' END,
             CASE WHEN st.status NOT IN ('pending','assigned')
                  THEN (ARRAY['answered','voicemail','no_answer','interested','not_interested','callback'])[1 + floor(r2 * 6)::int]::action_outcome END,
             CASE WHEN st.status = 'lost' THEN 'Price too high' END,
             CASE WHEN st.status IN ('converted','lost') THEN created + interval '5 days' END,
             created, created
      FROM src, LATERAL (SELECT CASE WHEN r4 < 0.15 THEN 'pending' WHEN r4 < 0.30 THEN 'assigned' WHEN r4 < 0.60 THEN 'in_progress'
                                     WHEN r4 < 0.82 THEN 'converted' ELSE 'lost' END AS status) st`,
      n, base, made, companyCount);
    made += n;
    progress("leads", made, leads, quiet);
  }
  // Conversions for the converted leads just made (one per lead, unique).
  await db.$executeRawUnsafe(`
    INSERT INTO sales_conversions (lead_id, order_id, conversion_value, conversion_type, admin_id, notes, created_at)
    SELECT id, 'BIG-' || id, estimated_value, 'order_placed', assigned_admin_id, 'generated', closed_at
    FROM sales_leads l WHERE status = 'converted' AND NOT EXISTS (SELECT 1 FROM sales_conversions c WHERE c.lead_id = l.id)`);

  // Actions on worked leads, by the lead's own rep, spread across the lead's life. The per-row
  // next-touch triggers and the lead-facts trigger are off for the bulk insert; the next touches
  // and the leads' facts are brought up to date in one pass each after it.
  await db.$executeRawUnsafe(`ALTER TABLE sales_actions DISABLE TRIGGER sales_actions_next_touch_before, DISABLE TRIGGER sales_actions_next_touch_after,
                              DISABLE TRIGGER lead_facts_insert`);
  try {
    const [{ lo, hi }] = await db.$queryRawUnsafe<{ lo: number; hi: number }[]>(
      `SELECT min(id)::int AS lo, max(id)::int AS hi FROM sales_leads WHERE assigned_admin_id IS NOT NULL`);
    let done = 0;
    while (done < actions) {
      const n = Math.min(BATCH * 5, actions - done);
      await db.$executeRawUnsafe(`
        WITH pick AS (
          SELECT $1::int + floor(random() * ($2::int - $1::int + 1))::int AS lead_id, random() AS r1, random() AS r2
          FROM generate_series(1, $3::int)
        ) -- oversampled: picks that land on unassigned leads are dropped
        INSERT INTO sales_actions (lead_id, admin_id, action_type, action_description, outcome, notes, follow_up_date, created_at)
        SELECT l.id, l.assigned_admin_id,
               (ARRAY['call','call','call','email','text','meeting'])[1 + floor(p.r1 * 6)::int]::action_type,
               'generated', (ARRAY['answered','voicemail','no_answer','interested','not_interested','callback'])[1 + floor(p.r2 * 6)::int]::action_outcome,
               NULL, l.created_at + (p.r2 * 20) * interval '1 day', l.created_at + (p.r1 * 10) * interval '1 day'
        FROM pick p JOIN sales_leads l ON l.id = p.lead_id
        WHERE l.assigned_admin_id IS NOT NULL
        LIMIT $4::int`, lo, hi, Math.ceil(n * 1.3), n);
      done += n;
      progress("actions", Math.min(done, actions), actions, quiet);
    }
    await db.$executeRawUnsafe(`
      UPDATE sales_actions a SET next_touch_at = n.next_at
      FROM (SELECT id, lead(created_at) OVER (PARTITION BY lead_id ORDER BY created_at, id) AS next_at
            FROM sales_actions WHERE lead_id BETWEEN $1::int AND $2::int) n
      WHERE n.id = a.id AND n.next_at IS DISTINCT FROM a.next_touch_at`, lo, hi);
    // lead_facts (migration `lead_facts`), as the trigger would have: the function it calls.
    // Statistics first (autovacuum may be off or behind): without them the planner reads each
    // lead's first action through the created_at index, scanning a million actions per lead.
    await db.$executeRawUnsafe(`ANALYZE sales_leads, sales_actions, lead_events, email_messages, sales_conversions, lead_facts`);
    await db.$executeRawUnsafe(`SELECT lead_facts_refresh(array_agg(id)) FROM sales_leads WHERE id BETWEEN $1::int AND $2::int`, lo, hi);
  } finally {
    await db.$executeRawUnsafe(`ALTER TABLE sales_actions ENABLE TRIGGER sales_actions_next_touch_before, ENABLE TRIGGER sales_actions_next_touch_after,
                                ENABLE TRIGGER lead_facts_insert`);
  }
  await db.$executeRawUnsafe(`ANALYZE`);
  const [counts] = await db.$queryRawUnsafe<{ leads: number; actions: number }[]>(
    `SELECT (SELECT count(*) FROM sales_leads)::int AS leads, (SELECT count(*) FROM sales_actions)::int AS actions`);
  console.log(`big data: ${counts.leads} leads, ${counts.actions} actions in total; generated in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}
