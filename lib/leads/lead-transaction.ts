import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { coverIdsSql } from "@/lib/away/away-sql";
import type { TLeadStatus } from "@/lib/leads/lead-vocabulary";

export type TTx = Prisma.TransactionClient;

/**
 * One transaction for one lead transition. The waits are generous because a burst of claims on
 * a hot lead queues for the pool; each transaction itself is a few statements.
 */
export function leadTransaction<T>(fn: (tx: TTx) => Promise<T>): Promise<T> {
  return db.$transaction(fn, { maxWait: 20_000, timeout: 20_000 });
}

export type TLockedLead = {
  id: number;
  status: TLeadStatus;
  assignedAdminId: number | null;
  companyId: number;
  /** Users covering for the holder right now (an away period); the lead rules' `cover` cells. */
  coverIds: number[];
};

/**
 * Reads the lead and locks its row until the transaction ends, so two transitions of one lead
 * (a convert and a mark-lost, a reassign and a release) run one after the other, and the second
 * sees the first's result. A missing lead is a 404.
 */
export async function lockLead(tx: TTx, leadId: number): Promise<TLockedLead> {
  const rows = await tx.$queryRaw<
    { id: number; status: TLeadStatus; assigned_admin_id: number | null; company_id: number; cover_ids: number[] }[]
  >`
    SELECT l.id, l.status::text AS status, l.assigned_admin_id, l.company_id, ${coverIdsSql(Prisma.sql`l.assigned_admin_id`)} AS cover_ids
    FROM sales_leads l WHERE l.id = ${leadId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "Lead not found");
  return {
    id: row.id,
    status: row.status,
    assignedAdminId: row.assigned_admin_id,
    companyId: row.company_id,
    coverIds: row.cover_ids,
  };
}
