import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { NAV_ITEMS } from "@/lib/nav";
import { AppShell } from "@/components/app-shell";

export default async function CrmLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const items = NAV_ITEMS.filter((i) => !i.act || can(actor, i.act)).map(({ href, label }) => ({ href, label }));
  return (
    <AppShell items={items} user={{ name: actor.name, role: actor.role }}>
      {children}
    </AppShell>
  );
}
