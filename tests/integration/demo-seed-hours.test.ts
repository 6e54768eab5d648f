import { db } from "@/lib/db";
import { seedDemo } from "@/scripts/lib/seed-demo";
import { runInOwnDatabase } from "../fixtures/own-database";

// The whole demo in a database of its own: it writes 600 leads and the company's settings.
runInOwnDatabase("pilot_crm_test_seed");

// Moments outside weekdays 8:00–18:00 in the company's zone, per kind of rep activity.
const OUTSIDE = (column: string) =>
  `(extract(isodow FROM ${column} AT TIME ZONE z.tz) > 5 OR extract(hour FROM ${column} AT TIME ZONE z.tz) NOT BETWEEN 8 AND 17)`;

describe("the demo seed", () => {
  it("puts every call, claim, status change and conversion in the company's working hours, with its usual counts", async () => {
    const { created } = await seedDemo("seed-test-password");
    expect(created).toBe(true);
    const [row] = await db.$queryRawUnsafe<Record<string, bigint>[]>(`
      WITH z AS (SELECT value #>> '{}' AS tz FROM settings WHERE key = 'time_zone')
      SELECT
        (SELECT count(*) FROM sales_leads) AS leads,
        (SELECT count(*) FROM companies) AS companies,
        (SELECT count(*) FROM sales_actions) AS actions,
        (SELECT count(*) FROM sales_actions a, z WHERE ${OUTSIDE("a.created_at")}) AS actions_outside,
        (SELECT count(*) FROM sales_actions a, z WHERE a.follow_up_date IS NOT NULL AND ${OUTSIDE("a.follow_up_date")}) AS follow_ups_outside,
        (SELECT count(*) FROM sales_leads l, z WHERE l.assigned_at IS NOT NULL AND ${OUTSIDE("l.assigned_at")}) AS claims_outside,
        (SELECT count(*) FROM lead_events e, z WHERE e.actor_id IS NOT NULL AND ${OUTSIDE("e.created_at")}) AS events_outside,
        (SELECT count(*) FROM sales_conversions c, z WHERE ${OUTSIDE("c.created_at")}) AS conversions_outside,
        (SELECT count(*) FROM sales_actions a JOIN sales_leads l ON l.id = a.lead_id WHERE a.created_at < l.created_at) AS actions_before_lead,
        (SELECT count(*) FROM sales_actions a WHERE a.created_at > now()) AS actions_in_future`);
    expect(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]))).toEqual({
      leads: 600,
      companies: 300,
      actions: expect.any(Number),
      actions_outside: 0,
      follow_ups_outside: 0,
      claims_outside: 0,
      events_outside: 0,
      conversions_outside: 0,
      actions_before_lead: 0,
      actions_in_future: 0,
    });
    expect(Number(row.actions)).toBeGreaterThan(900);
  }, 600_000);
});
