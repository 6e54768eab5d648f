import Link from "next/link";
import { LiveLeadBadge } from "@/components/live/live-lead-badge";

/** One lead in a dashboard list: company link and a detail line, then the row's own controls (on a
 * phone they wrap below the name rather than squeezing it to a word per line). */
export function LeadRow({ id, name, detail, children }: { id: number; name: string; detail: React.ReactNode; children: React.ReactNode }) {
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 text-sm" data-lead-id={id}>
      <div className="min-w-0 grow basis-48">
        <Link href={`/admin/crm/lead/${id}`} className="font-medium hover:underline">
          {name}
        </Link>{" "}
        <LiveLeadBadge leadId={id} />
        <p className="text-slate-600">{detail}</p>
      </div>
      {children}
    </li>
  );
}
