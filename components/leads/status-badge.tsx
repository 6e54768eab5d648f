import { STATUS_LABELS, type TLeadStatus } from "@/lib/leads/lead-vocabulary";

const COLORS: Record<TLeadStatus, string> = {
  pending: "bg-amber-100 text-amber-900",
  assigned: "bg-sky-100 text-sky-900",
  in_progress: "bg-indigo-100 text-indigo-900",
  converted: "bg-green-100 text-green-900",
  lost: "bg-slate-200 text-slate-700",
};

export function StatusBadge({ status }: { status: TLeadStatus }) {
  return (
    <span
      className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${COLORS[status]}`}
      data-status={status}
    >
      {STATUS_LABELS[status]}
    </span>
  );
}
