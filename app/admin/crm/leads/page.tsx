import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-guard";
import { roleMayTake } from "@/lib/leads/lead-rules";
import { AppError } from "@/lib/errors";
import { listLeads, type TLeadList } from "@/lib/leads/list-leads";
import { listUsers } from "@/lib/users/list-users";
import { LeadFilters, type TFilterValues } from "@/components/leads/lead-filters";
import { LEAD_FILTER_KEYS } from "@/components/leads/lead-filter-keys";
import { LeadsTable } from "@/components/leads/leads-table";
import { bulkLeadAction } from "../lead/actions";
import { enrolLeadsAction } from "../sequences/actions";
import { listSequences } from "@/lib/sequences/list-sequences";

export const metadata: Metadata = { title: "Leads" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LeadsPage({ searchParams }: TProps) {
  const actor = await requirePageActor();
  const sp = await searchParams;
  const values: TFilterValues = {};
  for (const [k, v] of Object.entries(sp))
    if (v !== undefined) values[k as keyof TFilterValues] = Array.isArray(v) ? v.join(",") : v;
  const filter = Object.fromEntries(LEAD_FILTER_KEYS.map((k) => [k, values[k]]));

  let list: TLeadList;
  let issues: Record<string, string> | undefined;
  try {
    // Search params are whatever the address bar says: the schema decides (400 → shown below).
    list = await listLeads.fromRequest(actor, {
      filter,
      sort: values.sort,
      dir: values.dir,
      page: sp.page ?? undefined,
      page_size: values.page_size,
      after: sp.after ?? undefined,
      before: sp.before ?? undefined,
      last: sp.last ?? undefined,
    });
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== "BAD_REQUEST") throw err;
    // A hand-edited or stale link: say what is wrong with it and show an empty table.
    issues = Object.fromEntries((err.issues ?? []).map((i) => [i.path.replace(/^filter\./, ""), i.message]));
    list = {
      rows: [],
      page: 1,
      pageSize: 25,
      total: 0,
      totalIsEstimate: false,
      hasNextPage: false,
      nextCursor: null,
      prevCursor: null,
      sort: "created",
      dir: "desc",
    };
  }
  const assignees = (await listUsers({ activeOnly: true })).map((u) => ({ id: u.id, name: u.name }));
  const sequences = await listSequences(actor);
  const exportParams = new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => !!e[1]),
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Leads</h1>
        <a
          href={`/admin/crm/leads/export?${exportParams.toString()}`}
          className="rounded border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100"
          download
        >
          Export these leads (CSV)
        </a>
      </div>
      <LeadFilters values={values} assignees={assignees} issues={issues} />
      {issues ? (
        <p role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          This link has a filter the list cannot use:{" "}
          {Object.entries(issues)
            .map(([k, m]) => `${k}: ${m}`)
            .join("; ")}
          .{" "}
          <Link href="/admin/crm/leads" className="underline">
            Show all leads
          </Link>
        </p>
      ) : null}
      <LeadsTable
        list={list}
        canAssign={roleMayTake(actor.role, "assign")}
        assignees={assignees}
        bulkAction={bulkLeadAction}
        sequences={sequences.map((q) => ({ id: q.id, name: q.name }))}
        enrolAction={enrolLeadsAction}
      />
    </div>
  );
}
