import type { Metadata } from "next";
import { KeysetPages } from "@/components/ui/keyset-pages";
import { requirePageActor } from "@/lib/auth/page-guard";
import { getLeadPool, POOL_PAGE_SIZE } from "@/lib/calls/get-lead-pool";
import { AppError } from "@/lib/errors";
import { countLabel } from "@/lib/leads/lead-vocabulary";
import { STATE_CODES } from "@/lib/geo/us-states";
import { PoolTable } from "@/components/calls/pool-table";
import { SelectField } from "@/components/ui/select-field";
import { claimFromPoolAction } from "./actions";

export const metadata: Metadata = { title: "Lead pool" };

const poolSelect = "ml-1 rounded border border-slate-300 px-2 py-1";

export default async function PoolPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePageActor();
  const sp = await searchParams;
  const scope = sp.scope === "mine" ? "mine" : "all";
  const state = sp.state && STATE_CODES.includes(sp.state.toUpperCase()) ? sp.state.toUpperCase() : undefined;
  // Keyset paging: Next carries the cursor of the page's last row; a stale or hand-edited cursor
  // (400 from the schema) starts again at the top.
  const pool = await getLeadPool
    .fromRequest(actor, { scope, state, limit: POOL_PAGE_SIZE, after: sp.after })
    .catch((err: unknown) => {
      if (err instanceof AppError && err.code === "BAD_REQUEST")
        return getLeadPool(actor, { scope, state, limit: POOL_PAGE_SIZE });
      throw err;
    });
  const paged = !!sp.after;
  const href = (p: Record<string, string | undefined>) => {
    const q = new URLSearchParams(
      Object.entries({ scope, state, ...p }).filter((e): e is [string, string] => !!e[1] && e[1] !== "all"),
    );
    return `/admin/crm/pool${q.size ? `?${q}` : ""}`;
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Lead pool</h1>
        <p className="text-sm text-slate-600" data-testid="pool-summary">
          {countLabel(pool.total)} unassigned · {countLabel(pool.inTerritory)} in my territories
          {pool.myStates.length ? ` (${pool.myStates.join(", ")})` : ""}
          {pool.territoryMode === "strict" ? " · strict territories" : ""}
        </p>
      </div>
      <form className="flex flex-wrap items-end gap-2 text-sm" action="/admin/crm/pool">
        <SelectField
          label="Show"
          className=""
          selectClassName={poolSelect}
          name="scope"
          defaultValue={scope}
          options={[
            { value: "all", label: "All unassigned, mine first" },
            { value: "mine", label: "Only my territories" },
          ]}
        />
        <SelectField
          label="State"
          className=""
          selectClassName={poolSelect}
          name="state"
          defaultValue={state ?? ""}
          placeholder={{ label: "Any" }}
          options={STATE_CODES.slice()
            .sort()
            .map((s) => ({ value: s, label: s }))}
        />
        <button className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">Filter</button>
      </form>
      <PoolTable rows={pool.rows} claimAction={claimFromPoolAction} />
      <KeysetPages
        label="Pages"
        testId="pool-pages"
        startHref={paged ? href({}) : null}
        startLabel="First page"
        shown={pool.rows.length}
        total={pool.total}
        nextHref={pool.nextCursor ? href({ after: pool.nextCursor }) : null}
        pageSize={POOL_PAGE_SIZE}
      />
    </div>
  );
}
