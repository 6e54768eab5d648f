import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { csvRow } from "@/lib/kernel/csv";
import { recordAudit } from "@/lib/audit/record-audit";
import { requestIp } from "@/lib/audit/request-ip";
import { leadFilterConditions, whereSql, ZLeadFilter } from "@/lib/leads/lead-list-filter";
import { LEAD_DESTINATION_SQL, LEAD_ORIGIN_SQL } from "@/lib/leads/lead-page-sql";
import { command } from "@/lib/command";

export const ZExportLeadsCsv = z.object({ filter: ZLeadFilter });
export type TExportLeadsCsv = z.input<typeof ZExportLeadsCsv>;

export const EXPORT_BATCH = 1_000;

const HEADER = [
  "lead_id",
  "status",
  "source",
  "company",
  "company_email",
  "company_phone",
  "usdot",
  "company_state",
  "route_states",
  "origin",
  "destination",
  "estimated_value",
  "assigned_to",
  "created_at",
  "next_follow_up_at",
  "last_contact_at",
  "last_call_outcome",
  "lost_reason",
  "conversion_value",
];

type TExportRow = {
  id: number;
  status: string;
  lead_source: string;
  company: string;
  email: string | null;
  phone: string | null;
  usdot: string | null;
  company_state: string | null;
  states: string[];
  origin: string | null;
  destination: string | null;
  estimated_value: string;
  assignee: string | null;
  created_at: Date;
  next_follow_up_at: Date | null;
  last_contact_at: Date | null;
  last_call_outcome: string | null;
  lost_reason: string | null;
  conversion_value: string | null;
};

/**
 * The leads of a filter as CSV, streamed: a ReadableStream that reads the next EXPORT_BATCH rows
 * (keyset on id, newest first) only when the client has taken the previous ones, so memory stays
 * one batch whatever the size of the export. Validation and permission fail before any byte.
 */
export const exportLeadsCsv = command(
  { input: ZExportLeadsCsv, may: "lead.read" },
  async (actor, data): Promise<ReadableStream<Uint8Array>> => {
    const conditions = leadFilterConditions(actor, data.filter);
    const encoder = new TextEncoder();
    let after: number | null = null;
    let started = false;
    // Audited once the last row is out: who exported how many rows with which filter.
    let exported = 0;
    const ip = await requestIp();
    const finish = async (controller: ReadableStreamDefaultController<Uint8Array>) => {
      await recordAudit(db, {
        actor,
        action: "export.leads",
        after: { rows: exported, filter: data.filter },
        ip,
      });
      controller.close();
    };

    return new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          if (!started) {
            started = true;
            // The BOM makes Excel read UTF-8 names correctly.
            controller.enqueue(encoder.encode(`\uFEFF${csvRow(HEADER)}`));
            return;
          }
          const where = whereSql(after === null ? conditions : [...conditions, Prisma.sql`l.id < ${after}`]);
          const rows = await db.$queryRaw<TExportRow[]>`
          SELECT l.id, l.status::text AS status, l.lead_source::text AS lead_source, c.name AS company, c.email, c.phone, c.usdot,
                 c.state::text AS company_state, l.states,
                 ${LEAD_ORIGIN_SQL} AS origin, ${LEAD_DESTINATION_SQL} AS destination,
                 l.estimated_value::text AS estimated_value, u.name AS assignee, l.created_at, l.next_follow_up_at,
                 l.last_contact_at, l.last_call_outcome::text AS last_call_outcome, l.lost_reason,
                 sc.conversion_value::text AS conversion_value
          FROM sales_leads l
          JOIN companies c ON c.id = l.company_id
          LEFT JOIN users u ON u.id = l.assigned_admin_id
          LEFT JOIN sales_conversions sc ON sc.lead_id = l.id
          ${where}
          ORDER BY l.id DESC
          LIMIT ${EXPORT_BATCH}`;
          if (!rows.length) {
            await finish(controller);
            return;
          }
          exported += rows.length;
          after = rows[rows.length - 1].id;
          const text = rows
            .map((r) =>
              csvRow([
                r.id,
                r.status,
                r.lead_source,
                r.company,
                r.email,
                r.phone,
                r.usdot,
                r.company_state,
                r.states,
                r.origin,
                r.destination,
                r.estimated_value,
                r.assignee,
                r.created_at,
                r.next_follow_up_at,
                r.last_contact_at,
                r.last_call_outcome,
                r.lost_reason,
                r.conversion_value,
              ]),
            )
            .join("");
          controller.enqueue(encoder.encode(text));
          if (rows.length < EXPORT_BATCH) await finish(controller);
        },
      },
      { highWaterMark: 1 },
    );
  },
);
