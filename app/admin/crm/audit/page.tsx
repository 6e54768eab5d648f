import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { listUsers } from "@/lib/users/list-users";
import { SelectField } from "@/components/ui/select-field";

export const metadata: Metadata = { title: "Audit log" };

const day = (d?: Date) => (d ? d.toISOString().slice(0, 10) : "");

// The manager's read-only view of the audit log: filter by person, action and dates, page through,
// export what the filter shows. There is no control that edits or deletes an entry.
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("audit.read");
  const params = await searchParams;
  const [log, users] = await Promise.all([listAuditLog.fromRequest(actor, params), listUsers()]);
  const f = log.filter;
  const query = (page: number) =>
    new URLSearchParams(
      Object.entries({ actorId: f.actorId, action: f.action, from: day(f.from), to: day(f.to), page }).flatMap(([k, v]) => (v ? [[k, String(v)]] : [])),
    ).toString();
  const input = "mt-1 block rounded border border-slate-300 px-2 py-1";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <form className="flex flex-wrap items-end gap-3 text-sm" method="get">
        <SelectField
          label="Person"
          className=""
          selectClassName={input}
          name="actorId"
          defaultValue={f.actorId ?? ""}
          placeholder={{ label: "Anyone" }}
          options={users.map((u) => ({ value: String(u.id), label: u.name }))}
        />
        <SelectField
          label="Action"
          className=""
          selectClassName={input}
          name="action"
          defaultValue={f.action ?? ""}
          placeholder={{ label: "Any" }}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: a }))}
        />
        <label>
          From
          <input type="date" name="from" defaultValue={day(f.from)} className={input} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={day(f.to)} className={input} />
        </label>
        <button className="rounded bg-brand-600 px-3 py-1.5 text-white">Filter</button>
        <a href={`/admin/crm/audit/export?${query(1)}`} className="rounded border border-slate-300 px-3 py-1.5">
          Export CSV
        </a>
      </form>
      <p className="text-sm text-slate-600">{log.total} entries</p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left">
            <tr>
              <th className="px-3 py-2">When (UTC)</th>
              <th className="px-3 py-2">Who</th>
              <th className="px-3 py-2">IP</th>
              <th className="px-3 py-2">Action</th>
              <th className="px-3 py-2">Target</th>
              <th className="px-3 py-2">Before → after</th>
            </tr>
          </thead>
          <tbody>
            {log.rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2 whitespace-nowrap">{r.at.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td className="px-3 py-2">{r.actorEmail ?? "—"}</td>
                <td className="px-3 py-2">{r.ip ?? "—"}</td>
                <td className="px-3 py-2 font-mono">{r.action}</td>
                <td className="px-3 py-2">{r.targetType ? `${r.targetType} ${r.targetId}` : "—"}</td>
                <td className="px-3 py-2 font-mono text-xs break-all">
                  {r.before === null ? "" : JSON.stringify(r.before)} {r.after === null ? "" : `→ ${JSON.stringify(r.after)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {f.page > 1 ? <Link href={`/admin/crm/audit?${query(f.page - 1)}`}>← Newer</Link> : null}
        <span>
          Page {f.page} of {log.pages}
        </span>
        {f.page < log.pages ? <Link href={`/admin/crm/audit?${query(f.page + 1)}`}>Older →</Link> : null}
      </nav>
    </div>
  );
}
