"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { useState } from "react";

type TNavItem = { href: string; label: string };

export function AppShell({ items, user, children }: { items: TNavItem[]; user: { name: string; role: string }; children: React.ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const isActive = (href: string) => (href === "/admin/crm" ? pathname === href : pathname.startsWith(href));
  return (
    <div className="min-h-screen">
      <header className="border-b bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-4 px-4 py-3">
          <Link href="/admin/crm" className="font-semibold text-brand-700">
            Pilot CRM
          </Link>
          <button className="ml-auto rounded border px-2 py-1 text-sm md:hidden" aria-expanded={open} aria-controls="main-nav" onClick={() => setOpen((o) => !o)}>
            Menu
          </button>
          <nav id="main-nav" aria-label="Main" className={`${open ? "flex" : "hidden"} absolute left-0 right-0 top-12 z-20 flex-col gap-1 border-b bg-white p-3 md:static md:flex md:flex-row md:border-0 md:p-0`}>
            {items.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                aria-current={isActive(item.href) ? "page" : undefined}
                className={`rounded px-3 py-1.5 text-sm ${isActive(item.href) ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
                onClick={() => setOpen(false)}
              >
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="hidden items-center gap-3 text-sm md:ml-auto md:flex">
            <span className="text-slate-600" data-testid="current-user">
              {user.name} · {user.role === "super_admin" ? "Manager" : "Rep"}
            </span>
            <button onClick={() => signOut({ callbackUrl: "/login" })} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
              Log out
            </button>
          </div>
        </div>
        {open ? (
          <div className="flex items-center gap-3 border-t px-4 py-2 text-sm md:hidden">
            <span>{user.name}</span>
            <button onClick={() => signOut({ callbackUrl: "/login" })} className="ml-auto rounded border px-3 py-1">
              Log out
            </button>
          </div>
        ) : null}
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
