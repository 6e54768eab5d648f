"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { useLive } from "@/components/live/live-provider";
import { cappedCount, countLabel } from "@/lib/leads/lead-vocabulary";

type TNavItem = { href: string; label: string };

/** A count beside a nav link (pool leads waiting, unread notifications); nothing at zero. */
function NavBadge({ count, what, testId }: { count: number; what: string; testId: string }) {
  if (count <= 0) return null;
  return (
    <span className="ml-1.5 rounded-full bg-brand-600 px-1.5 py-0.5 text-xs font-medium text-white tabular-nums" data-testid={testId}>
      {countLabel(cappedCount(count))}
      <span className="sr-only"> {what}</span>
    </span>
  );
}

export function AppShell({ items, user, children }: { items: TNavItem[]; user: { name: string; role: string }; children: React.ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const { poolCount, unreadCount, requestCount } = useLive();
  const isActive = (href: string) => (href === "/admin/crm" ? pathname === href : pathname.startsWith(href));
  return (
    <div className="min-h-screen">
      <header className="border-b bg-white">
        {/* One wrapping row: on a phone the open menu takes its own lines below the bar, in the
            page flow, so nothing it shows can cover the account row and its Log out button. */}
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <Link href="/admin/crm" className="font-semibold text-brand-700">
            Pilot CRM
          </Link>
          <button className="ml-auto rounded border px-2 py-1 text-sm md:hidden" aria-expanded={open} aria-controls="main-nav" onClick={() => setOpen((o) => !o)}>
            Menu
          </button>
          <nav id="main-nav" aria-label="Main" className={`${open ? "flex" : "hidden"} w-full flex-col gap-1 md:flex md:w-auto md:flex-row md:flex-wrap`}>
            {items.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                aria-current={isActive(item.href) ? "page" : undefined}
                className={`rounded px-3 py-1.5 text-sm ${isActive(item.href) ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
                onClick={() => setOpen(false)}
              >
                {item.label}
                {item.href === "/admin/crm/pool" ? <NavBadge count={poolCount} what="waiting" testId="pool-badge" /> : null}
                {item.href === "/admin/crm/inbox" ? <NavBadge count={unreadCount} what="unread" testId="inbox-badge" /> : null}
                {item.href === "/admin/crm/requests" ? <NavBadge count={requestCount} what="to decide" testId="requests-badge" /> : null}
              </Link>
            ))}
          </nav>
          <div className={`${open ? "flex" : "hidden"} w-full items-center gap-3 border-t border-slate-200 pt-2 text-sm md:ml-auto md:flex md:w-auto md:border-0 md:pt-0`}>
            <span className="text-slate-600" data-testid="current-user">
              {user.name} · {user.role === "super_admin" ? "Manager" : "Rep"}
            </span>
            {/* next-auth's client is fetched on the click: every page carries this shell, few pages end in a log out. */}
            <button
              onClick={async () => {
                const { signOut } = await import("next-auth/react");
                await signOut({ callbackUrl: "/login" });
              }} className="ml-auto rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 md:ml-0">
              Log out
            </button>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
