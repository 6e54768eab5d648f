import type { TAct } from "@/lib/auth/permissions";

// The app shell's navigation. Each feature adds its page here; `act` hides a link from those
// who may not use it (the page itself still refuses them).
export const NAV_ITEMS: { href: string; label: string; act?: TAct }[] = [
  { href: "/admin/crm", label: "Dashboard" },
  { href: "/admin/crm/leads", label: "Leads" },
  { href: "/admin/crm/calls", label: "Call list" },
  { href: "/admin/crm/follow-ups", label: "Follow-ups" },
  { href: "/admin/crm/inbox", label: "Inbox" },
  { href: "/admin/crm/away", label: "Away" },
  { href: "/admin/crm/pool", label: "Lead pool" },
  { href: "/admin/crm/requests", label: "Requests" },
  { href: "/admin/crm/territories", label: "Territories" },
  { href: "/admin/crm/haul", label: "Haul rules" },
  { href: "/admin/crm/team", label: "Team", act: "users.manage" },
  { href: "/admin/crm/duplicates", label: "Duplicates", act: "companies.merge" },
  { href: "/admin/crm/templates", label: "Templates" },
  { href: "/admin/crm/texts", label: "Texts" },
  { href: "/admin/crm/sequences", label: "Sequences" },
  { href: "/admin/crm/outbox", label: "Outbox" },
  { href: "/admin/crm/analytics", label: "Analytics", act: "metrics.own" },
  { href: "/admin/crm/import", label: "Import", act: "imports.manage" },
  { href: "/admin/crm/jobs", label: "Jobs", act: "jobs.manage" },
  { href: "/admin/crm/audit", label: "Audit log", act: "audit.read" },
  { href: "/admin/crm/account", label: "My account" },
];
