import Link from "next/link";

const LINKS: { href: string; label: string; manager?: boolean }[] = [
  { href: "/admin/crm/leads?status=pending", label: "Work the pending queue" },
  {
    href: "/admin/crm/leads?assigned=me&status=assigned,in_progress&sort=follow_up&dir=asc",
    label: "My open leads",
  },
  { href: "/admin/crm/leads?status=pending&assigned=none&sort=value", label: "Biggest unassigned leads" },
  { href: "/admin/crm/leads", label: "All leads" },
  {
    href: "/admin/crm/leads/export?assigned=me&status=assigned,in_progress",
    label: "Export my open leads (CSV)",
  },
  {
    href: "/admin/crm/leads?status=assigned,in_progress&sort=last_contact&dir=asc",
    label: "Leads not contacted longest",
    manager: true,
  },
];

export function QuickActions({ manager }: { manager: boolean }) {
  return (
    <nav aria-label="Quick actions" className="flex flex-wrap gap-2">
      {LINKS.filter((l) => !l.manager || manager).map((l) => (
        <Link
          key={l.href}
          href={l.href}
          prefetch={false}
          className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
        >
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
