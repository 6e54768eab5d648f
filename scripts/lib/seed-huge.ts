import pg from "pg";
import { STATE_CODES } from "@/lib/geo/us-states";
import { toE164 } from "@/lib/kernel/phone";

// The 10x seed (`npm run db:seed -- --big=10`): 100 000 × scale leads and about 1 000 000 × scale
// actions with the skew of a real book of business, on top of the demo. Everything is computed
// inside PostgreSQL from the lead's number g by a hash (`big_r(g, k)`), so each table is one
// INSERT … SELECT that can recompute any other table's value for the same lead (the lead's latest
// call, for instance, is action k = n of the same formulas) without reading it back.
// One session (pg, not Prisma's pool) so its settings hold: session_replication_role = replica
// skips foreign-key checks and the triggers (the rows are consistent by construction,
// next_touch_at included; lead_facts is filled after the load by the function its triggers
// call); secondary indexes are dropped before the load and rebuilt after it, all in one
// transaction, then VACUUM ANALYZE sets the visibility map the lists' index-only scans need.
// Skew: 20 "whale" companies get 3 % of the leads and up to 65 actions each; reps take leads
// by a power law (the smallest still above 20 000); the demo's Central rep (Sarah) gets 50 000
// open leads in her territory for the call list.

const HUGE_TABLES = [
  "companies", "contacts", "sales_leads", "lead_activities", "sales_actions", "sales_conversions",
  "lead_events", "sla_events", "email_messages", "email_events",
];
const EXTRA_REPS = 21;
const CALL_REP_EMAIL = "sarah@pilot-crm.test";
const CALL_REP_OPEN = 50_000;
const WHALES = 20;

/** A deterministic number in [0, 1) for lead g and draw k. */
const R = (k: number | string) => `big_r(p.g, ${k})`;
const OUTCOMES = `ARRAY['answered','voicemail','no_answer','interested','not_interested','callback']`;
const TYPES = `ARRAY['call','call','call','call','call','call','call','email','email','text','meeting']`;
// Action k of n: its time (increasing in k, inside [from, from + span)), outcome, type (the last is always a call) and follow-up.
const actAt = (k: string) => `(p.act_from + ((${k} - 1 + 0.9 * ${R(`100 + ${k}`)}) / nullif(p.n, 0)) * p.act_span)`;
const actOutcome = (k: string) => `(${OUTCOMES})[1 + floor(${R(`200 + ${k}`)} * 6)::int]`;
const actType = (k: string) => `CASE WHEN ${k} = p.n THEN 'call' ELSE (${TYPES})[1 + floor(${R(`300 + ${k}`)} * 11)::int] END`;
const actFollowUp = (k: string) =>
  `CASE WHEN ${actOutcome(k)} = 'not_interested' THEN NULL
        ELSE ${actAt(k)} + (CASE WHEN p.open THEN 1 + floor(${R(`400 + ${k}`)} * 7) ELSE floor(${R(`400 + ${k}`)} * 11) - 3 END) * interval '1 day' END`;
const names = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`;
// companies.phone_norm as every company writer stores it beside the phone (toE164: null for a
// number that is not valid). The seed's numbers are "+1 <area> 555 <4 digits>", whose validity
// depends on the area code alone, so the valid codes are asked of libphonenumber once.
const AREA_CODES = Array.from({ length: 780 }, (_, i) => 201 + i);
const validAreaCodes = () => `ARRAY[${AREA_CODES.filter((a) => toE164(`+1 ${a} 555 0100`) !== null).join(",")}]::int[]`;

export async function seedHuge({ scale, quiet }: { scale: number; quiet?: boolean }) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const started = Date.now();
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = Date.now();
    const r = await c.query(sql, params);
    if (!quiet) console.log(`  ${label.padEnd(34)} ${String(r.rowCount ?? "").padStart(9)} rows  ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  const leads = 100_000 * scale;
  const companies = Math.ceil(leads / 5);
  try {
    const [{ tpl }] = (await c.query(`SELECT count(*)::int AS tpl FROM lead_activities WHERE webhook_id LIKE 'demo\\_%'`)).rows;
    if (!tpl) throw new Error("no demo leads: the huge seed copies their shapes, seed the demo first");
    await c.query(`SET session_replication_role = replica;
                   SET maintenance_work_mem = '512MB'; SET work_mem = '64MB'; SET max_parallel_maintenance_workers = 2`);
    // One transaction up to the rebuilt indexes: a failure midway leaves the database as it was.
    await c.query(`BEGIN`);
    await c.query(`CREATE OR REPLACE FUNCTION big_r(g int, k int) RETURNS float8 IMMUTABLE PARALLEL SAFE LANGUAGE sql
                   AS $$ SELECT (hashint8(g::bigint * 1024 + k) & 2147483647)::float8 / 2147483648 $$`);

    // Reps: the demo's five plus EXTRA_REPS more, spread over the demo's territories.
    await step("reps", `
      INSERT INTO users (email, name, password_hash, role, phone, updated_at)
      SELECT 'rep' || g || '@pilot-crm.test', 'Rep ' || g, (SELECT password_hash FROM users WHERE email = $1), 'admin',
             '+1 512 555 ' || lpad((200 + g)::text, 4, '0'), now()
      FROM generate_series(1, ${EXTRA_REPS}) g ON CONFLICT (email) DO NOTHING`, [CALL_REP_EMAIL]);
    await step("territory members", `
      INSERT INTO territory_members (territory_id, user_id)
      SELECT t.id, u.id FROM users u
      JOIN LATERAL (SELECT id FROM territories ORDER BY id OFFSET (split_part(split_part(u.email, '@', 1), 'rep', 2)::int % 4) LIMIT 1) t ON true
      WHERE u.email ~ '^rep[0-9]+@' ON CONFLICT DO NOTHING`);
    const [{ call_rep: callRep, others }] = (await c.query(`
      SELECT (SELECT id FROM users WHERE email = $1) AS call_rep,
             array_agg(id ORDER BY id) FILTER (WHERE email <> $1) AS others
      FROM users WHERE role = 'admin' AND active`, [CALL_REP_EMAIL])).rows as { call_rep: number; others: number[] }[];
    if (!callRep) throw new Error(`${CALL_REP_EMAIL} is missing: seed the demo first`);

    // Templates: the demo's leads (lead data, haul, states, value, score), numbered (i); `mine`
    // lists those touching the call rep's territory, which the call rep's leads copy.
    await c.query(`DROP TABLE IF EXISTS big_tpl, big_plan`);
    await step("templates", `
      CREATE UNLOGGED TABLE big_tpl AS
      WITH mine AS (SELECT array_agg(DISTINCT s) AS st FROM territory_members m JOIN territories t ON t.id = m.territory_id,
                    unnest(t.states) s WHERE m.user_id = ${callRep}),
      demo AS (SELECT l.* FROM sales_leads l JOIN lead_activities a ON a.lead_id = l.id AND a.webhook_id LIKE 'demo\\_%')
      SELECT (row_number() OVER (ORDER BY demo.id))::int - 1 AS i, demo.states && mine.st AS in_territory,
             lead_source, lead_data, haul, needs_police, superload, demo.states, estimated_value, priority_score
      FROM demo, mine`);
    await c.query(`CREATE INDEX ON big_tpl (i); ANALYZE big_tpl`);
    const [{ n_i: nI, mine }] = (await c.query(
      `SELECT count(*)::int AS n_i, coalesce(array_agg(i ORDER BY i) FILTER (WHERE in_territory), '{}') AS mine FROM big_tpl`)).rows as { n_i: number; mine: number[] }[];
    if (!mine.length) throw new Error(`${CALL_REP_EMAIL} has no territory with demo leads in it`);

    const [{ lead_base: leadBase, company_base: companyBase }] = (await c.query(
      `SELECT coalesce(max(id), 0)::int AS lead_base, (SELECT coalesce(max(id), 0)::int FROM companies) AS company_base FROM sales_leads`)).rows;

    // The plan: one row per lead with everything the other tables derive from it.
    const openShare = 0.43; // assigned + in_progress among all leads (the status weights below)
    await step("plan", `
      CREATE UNLOGGED TABLE big_plan AS
      WITH a AS (
        SELECT g, ${leadBase} + g AS id,
               now() - interval '10 minutes' - power(big_r(g, 4), 1.3) * interval '365 days' AS created,
               big_r(g, 1) < 0.03 AS whale
        FROM generate_series(1, ${leads}) g
      ), b AS (
        SELECT a.*,
               CASE WHEN created > now() - interval '2 days' THEN
                      CASE WHEN big_r(g, 5) < 0.70 THEN 'pending' WHEN big_r(g, 5) < 0.90 THEN 'assigned' ELSE 'in_progress' END
                    ELSE CASE WHEN big_r(g, 5) < 0.04 THEN 'pending' WHEN big_r(g, 5) < 0.14 THEN 'assigned' WHEN big_r(g, 5) < 0.46 THEN 'in_progress'
                              WHEN big_r(g, 5) < 0.76 THEN 'converted' ELSE 'lost' END END AS status
        FROM a
      ), c AS (
        SELECT b.*, status IN ('assigned', 'in_progress') AS open,
               status IN ('assigned', 'in_progress') AND big_r(g, 6) < ${Math.min(1, CALL_REP_OPEN / (leads * openShare)).toFixed(5)} AS call_rep,
               CASE WHEN whale THEN ${companyBase} + 1 + floor(power(big_r(g, 2), 2) * ${WHALES})::int
                    ELSE ${companyBase} + ${WHALES} + 1 + floor(big_r(g, 2) * ${companies - WHALES})::int END AS company_id
        FROM b
      ), d AS (
        SELECT c.*,
               CASE WHEN status = 'pending' THEN NULL WHEN call_rep THEN ${callRep}
                    WHEN open THEN (ARRAY[${others.join(",")}])[1 + floor(power(big_r(g, 7), 1.5) * ${others.length})::int]
                    ELSE (ARRAY[${[callRep, ...others].join(",")}])[1 + floor(power(big_r(g, 7), 1.5) * ${others.length + 1})::int] END AS rep,
               CASE WHEN status = 'pending' THEN NULL
                    ELSE least(created + (5 + floor(big_r(g, 8) * 235)) * interval '1 minute', now() - interval '2 minutes') END AS assigned_at,
               CASE WHEN status IN ('pending', 'assigned') THEN 0
                    WHEN whale THEN 5 + floor(power(big_r(g, 9), 2) * 60)::int
                    ELSE 1 + floor(power(big_r(g, 9), 3) * 45)::int END AS n,
               CASE WHEN call_rep THEN (ARRAY[${mine.join(",")}])[1 + floor(big_r(g, 3) * ${mine.length})::int]
                    ELSE floor(big_r(g, 3) * ${nI})::int END AS tpl
        FROM c
      )
      SELECT d.*,
             CASE WHEN open THEN greatest(assigned_at, now() - interval '7 days') ELSE assigned_at END AS act_from,
             CASE WHEN n = 0 THEN NULL
                  WHEN open THEN (now() - interval '1 minute') - greatest(assigned_at, now() - interval '7 days')
                  ELSE least(n * (2 + floor(big_r(g, 10) * 70)) * interval '1 hour', (now() - interval '1 minute') - assigned_at) END AS act_span
      FROM d`);
    await c.query(`ALTER TABLE big_plan ADD PRIMARY KEY (g); ANALYZE big_plan`);

    // Secondary indexes off for the load (kept: those behind primary keys and constraints).
    const defs = await c.query(`
      SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = (quote_ident(i.indexname))::regclass)`, [HUGE_TABLES]);
    const indexDefs: string[] = defs.rows.map((d) => d.indexdef);
    for (const d of defs.rows) await c.query(`DROP INDEX "${d.indexname}"`);
    if (!quiet) console.log(`  dropped ${indexDefs.length} secondary indexes for the load`);

    await step("companies", `
      INSERT INTO companies (id, external_id, name, email, email_norm, phone, phone_norm, usdot, mc_number, city, state, created_at, updated_at)
      SELECT ${companyBase} + g, 'huge_' || g,
             (${names(["Lone Star", "Big Sky", "Prairie", "Iron Horse", "Red River", "Summit", "Keystone", "Blue Ridge", "Great Lakes", "Desert Wind", "Cascade", "Gulf Coast", "Heartland", "Rocky Mountain", "Bayou", "Granite State", "Buckeye", "Sooner", "Badger", "Palmetto"])})[1 + (g % 20)]
               || ' ' || (${names(["Heavy Haul", "Oversize Transport", "Logistics", "Freight", "Trucking", "Specialized Carriers", "Wide Load Services", "Crane & Rigging", "Equipment Movers", "Transport Co."])})[1 + (g / 20) % 10]
               || CASE WHEN g > 200 THEN ' ' || g ELSE '' END,
             'dispatch' || g || '@hauler' || (g % 997) || '.example', 'dispatch' || g || '@hauler' || (g % 997) || '.example',
             '+1 ' || (201 + g % 780) || ' 555 ' || lpad((g % 10000)::text, 4, '0'),
             CASE WHEN 201 + g % 780 = ANY(${validAreaCodes()}) THEN '+1' || (201 + g % 780) || '555' || lpad((g % 10000)::text, 4, '0') END,
             (10000000 + g)::text, 'MC-' || (900000 + g), 'Town ' || (g % 500),
             (${names(STATE_CODES.filter((s) => s !== "AK" && s !== "HI" && s !== "DC"))})[1 + (g % 48)],
             now() - interval '400 days' + (g::float8 / ${companies}) * interval '390 days', now()
      FROM generate_series(1, ${companies}) g`);
    await step("contacts", `
      INSERT INTO contacts (company_id, name, title, email, phone, updated_at)
      SELECT ${companyBase} + g, (${names(["James", "Maria", "Robert", "Linda", "Carlos", "Patricia", "Tom", "Angela", "Dwayne", "Rosa"])})[1 + (g + k) % 10]
               || ' ' || (${names(["Garcia", "Smith", "Johnson", "Nguyen", "Brown", "Martinez", "Walker", "Hughes", "Reed", "Lopez"])})[1 + (g * 7 + k) % 10],
             (ARRAY['Dispatcher','Owner','Fleet manager'])[k], 'contact' || k || '.' || g || '@mail.example',
             '+1 ' || (201 + (g * 3 + k) % 780) || ' 555 ' || lpad(((g * 7 + k) % 10000)::text, 4, '0'), now()
      FROM generate_series(1, ${companies}) g, generate_series(1, CASE WHEN g % 3 = 0 THEN 2 ELSE 1 END) k`);

    const n = "p.n";
    await step("leads", `
      INSERT INTO sales_leads (id, company_id, lead_source, lead_data, estimated_value, status, assigned_admin_id, assigned_at, states,
                               priority_score, next_follow_up_at, last_activity_at, last_contact_at, last_call_outcome, lost_reason,
                               closed_at, haul, needs_police, superload, created_at, updated_at)
      SELECT p.id, p.company_id, t.lead_source, t.lead_data, round(t.estimated_value * (0.7 + 0.6 * ${R(11)})::numeric, 2),
             p.status::lead_status, p.rep, p.assigned_at, t.states, t.priority_score,
             CASE WHEN p.open AND p.n > 0 THEN ${actFollowUp(n)} END,
             coalesce(CASE WHEN p.n > 0 THEN ${actAt(n)} END, p.assigned_at, p.created),
             CASE WHEN p.n > 0 THEN ${actAt(n)} END,
             CASE WHEN p.n > 0 THEN (${actOutcome(n)})::action_outcome END,
             CASE WHEN p.status = 'lost' THEN (${names(["Went with another escort company", "Price too high", "Load cancelled", "No response after 5 attempts"])})[1 + floor(${R(12)} * 4)::int] END,
             CASE WHEN p.status IN ('converted', 'lost') THEN least(now(), ${actAt(n)} + (1 + floor(${R(13)} * 47)) * interval '1 hour') END,
             t.haul, t.needs_police, t.superload, p.created, coalesce(${actAt(n)}, p.assigned_at, p.created)
      FROM big_plan p JOIN big_tpl t ON t.i = p.tpl`);
    await c.query(`SELECT setval(pg_get_serial_sequence('sales_leads', 'id'), (SELECT max(id) FROM sales_leads));
                   SELECT setval(pg_get_serial_sequence('companies', 'id'), (SELECT max(id) FROM companies))`);
    await step("lead activities", `
      INSERT INTO lead_activities (lead_id, source, payload, webhook_id, occurred_at, created_at)
      SELECT l.id, l.lead_source::text, l.lead_data, 'huge_' || l.id, l.created_at, l.created_at
      FROM sales_leads l WHERE l.id > ${leadBase}`);

    // Actions in chunks of leads (progress, and memory stays flat).
    const chunk = 100_000;
    for (let from = 1; from <= leads; from += chunk) {
      await step(`actions ${from}-${Math.min(leads, from + chunk - 1)}`, `
        INSERT INTO sales_actions (lead_id, admin_id, action_type, action_description, outcome, notes, follow_up_date, created_at, next_touch_at)
        SELECT p.id, p.rep, x.type::action_type, 'Generated ' || x.type, x.outcome::action_outcome,
               x.type || ' — ' || replace(x.outcome, '_', ' '),
               CASE WHEN x.outcome = 'not_interested' THEN NULL
                    ELSE x.at + (CASE WHEN p.open THEN 1 + floor(x.rf * 7) ELSE floor(x.rf * 11) - 3 END) * interval '1 day' END,
               x.at, x.next_at
        FROM big_plan p, generate_series(1, p.n) k,
             -- OFFSET 0 keeps the subquery whole, so each draw is computed once (the formulas of actAt & co.)
             LATERAL (SELECT ${actAt("k")} AS at, ${actOutcome("k")} AS outcome, ${actType("k")} AS type,
                             CASE WHEN k < p.n THEN ${actAt("k + 1")} END AS next_at, ${R("400 + k")} AS rf OFFSET 0) x
        WHERE p.g BETWEEN ${from} AND ${from + chunk - 1} AND p.n > 0`);
    }
    await step("conversions", `
      INSERT INTO sales_conversions (lead_id, order_id, conversion_value, conversion_type, admin_id, notes, created_at)
      SELECT l.id, 'HUGE-' || l.id, round(l.estimated_value * (0.6 + 0.9 * big_r(l.id, 14))::numeric, 2),
             CASE WHEN big_r(l.id, 15) < 0.7 THEN 'order_placed' ELSE 'manual_mark' END::conversion_type,
             l.assigned_admin_id, 'Booked escorts', l.closed_at
      FROM sales_leads l WHERE l.id > ${leadBase} AND l.status = 'converted'`);
    await step("lead events", `
      INSERT INTO lead_events (lead_id, actor_id, type, from_status, to_status, data, created_at)
      SELECT l.id, e.actor, e.type, e.from_s::lead_status, e.to_s::lead_status, e.data, e.at
      FROM sales_leads l JOIN big_plan p ON p.id = l.id
      CROSS JOIN LATERAL (VALUES
        (NULL::int, 'created', NULL, 'pending', jsonb_build_object('source', l.lead_source), l.created_at),
        (l.assigned_admin_id, CASE WHEN big_r(p.g, 16) < 0.85 THEN 'claimed' ELSE 'assigned' END, 'pending', 'assigned', '{}'::jsonb, l.assigned_at),
        (l.assigned_admin_id, 'status_changed', 'assigned', 'in_progress', '{}'::jsonb, CASE WHEN p.n > 0 THEN ${actAt("1")} END),
        (l.assigned_admin_id, l.status::text, 'in_progress', l.status::text, '{}'::jsonb, CASE WHEN l.status IN ('converted', 'lost') THEN l.closed_at END)
      ) e(actor, type, from_s, to_s, data, at)
      WHERE l.id > ${leadBase} AND e.at IS NOT NULL`);
    // Speed-to-lead timers that fired for leads left in the pool past their alert / escalation.
    await step("sla events", `
      WITH fired AS (
        SELECT l.id, k.kind, l.created_at + k.after AS at FROM sales_leads l
        CROSS JOIN (VALUES ('alert', interval '15 minutes'), ('escalation', interval '60 minutes')) k(kind, after)
        WHERE l.id > ${leadBase} AND l.status = 'pending' AND l.created_at + k.after < now()
      ), ins AS (
        INSERT INTO sla_events (lead_id, kind, notified, fired_at)
        SELECT id, kind, CASE WHEN kind = 'alert' THEN ARRAY[${others.slice(0, 3).join(",")}] ELSE ARRAY[(SELECT min(id) FROM users WHERE role = 'super_admin')] END, at FROM fired
      )
      INSERT INTO lead_events (lead_id, type, data, created_at)
      SELECT id, CASE WHEN kind = 'alert' THEN 'sla_alerted' ELSE 'sla_escalated' END,
             jsonb_build_object('minutes', CASE WHEN kind = 'alert' THEN 15 ELSE 60 END), at FROM fired`);
    // Emails: the outbox rows of the email actions of one lead in ten, with their SendGrid events.
    await step("email messages", `
      INSERT INTO email_messages (lead_id, sender_id, to_email, from_email, reply_token, subject, body_text, body_html, status,
                                  sendgrid_message_id, attempts, open_count, click_count, sent_at, created_at, updated_at)
      SELECT a.lead_id, a.admin_id, 'contact1.' || l.company_id || '@mail.example', 'sales@pilot-crm.test', md5('huge' || a.id),
             'Escort quote for your load', 'Hello, following up on your load.', '<p>Hello, following up on your load.</p>',
             CASE WHEN big_r(a.id, 1) < 0.9 THEN 'delivered' ELSE 'bounced' END::email_status, 'sg_huge_' || a.id, 1,
             CASE WHEN big_r(a.id, 2) < 0.5 THEN 1 + floor(big_r(a.id, 3) * 3)::int ELSE 0 END,
             CASE WHEN big_r(a.id, 2) < 0.15 THEN 1 ELSE 0 END, a.created_at, a.created_at, a.created_at
      FROM sales_actions a JOIN sales_leads l ON l.id = a.lead_id
      WHERE a.lead_id > ${leadBase} AND a.lead_id % 10 = 0 AND a.action_type = 'email'`);
    await step("email events", `
      INSERT INTO email_events (message_id, sg_event_id, event, email, payload, occurred_at, created_at)
      SELECT m.id, 'huge_' || m.id || '_' || e.event, e.event, m.to_email, jsonb_build_object('event', e.event), m.sent_at + e.after, m.sent_at + e.after
      FROM email_messages m
      CROSS JOIN LATERAL (VALUES (CASE WHEN m.status = 'bounced' THEN 'bounce' ELSE 'delivered' END, interval '1 minute'),
                                 (CASE WHEN m.open_count > 0 THEN 'open' END, interval '3 hours')) e(event, after)
      WHERE m.sendgrid_message_id LIKE 'sg\\_huge\\_%' AND e.event IS NOT NULL`);

    for (const def of indexDefs) {
      const t = Date.now();
      await c.query(def);
      if (!quiet) console.log(`  ${def.replace(/^CREATE (UNIQUE )?INDEX (\S+) ON public\.(\S+).*/, "index $2 on $3").slice(0, 70)}  ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    // The triggers that keep lead_facts are off in this session (replica): the same function they
    // call fills the new leads' facts now, set-based, reading through the indexes just rebuilt.
    // Statistics first (autovacuum may be off or behind): without them the planner reads each
    // lead's first action through the created_at index, scanning millions of actions per lead.
    await step("analyze for the lead facts", `ANALYZE sales_leads, sales_actions, lead_events, email_messages, sales_conversions, lead_facts`);
    await step("lead facts", `SELECT lead_facts_refresh(array_agg(id ORDER BY id)) FROM sales_leads WHERE id > ${leadBase}`);
    // lead_tallies too (migration `lead_tallies`): counted once, as its triggers would have kept it.
    await step("lead tallies", `SELECT lead_tallies_rebuild()`);
    await c.query(`DROP TABLE big_tpl, big_plan`);
    // The commit is synchronous (this session used to set synchronous_commit = off, which buys
    // nothing for one transaction): after an asynchronous commit no one may set the rows'
    // "committed" hint bits until the WAL reaches disk, and PostgreSQL tracks that per group of
    // transaction ids, so the statements after it kept the whole group waiting. The VACUUM below,
    // the moment after, then marked no page all-visible (8 of 550 company pages, 47 of 12 195
    // lead pages at --big=1), and the lists' index-only scans read the heap for every row.
    await c.query(`COMMIT`);
    await c.query(`RESET session_replication_role`);
    await c.query(`DROP FUNCTION big_r(int, int)`);
    const t = Date.now();
    await c.query(`VACUUM (ANALYZE) ${HUGE_TABLES.join(", ")}, lead_facts, users, territory_members`);
    await c.query(`ANALYZE`);
    if (!quiet) console.log(`  vacuum analyze  ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const counts = (await c.query(`
      SELECT (SELECT count(*) FROM sales_leads)::int AS leads, (SELECT count(*) FROM sales_actions)::int AS actions,
             (SELECT count(*) FROM sales_leads WHERE assigned_admin_id = ${callRep} AND status IN ('assigned','in_progress'))::int AS call_rep_open`)).rows[0];
    console.log(`huge data (x${scale}): ${counts.leads} leads, ${counts.actions} actions in total, call-list rep ${CALL_REP_EMAIL} has ${counts.call_rep_open} open leads; generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    await c.query(`ROLLBACK`).catch(() => undefined);
    throw err;
  } finally {
    await c.end();
  }
}
