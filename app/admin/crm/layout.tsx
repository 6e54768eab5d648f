import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { getCompanyTimeZone } from "@/lib/kernel/company-settings";
import { NAV_ITEMS } from "@/lib/nav";
import { AppShell } from "@/components/app-shell";
import { CompanyTimeZoneProvider } from "@/components/ui/zoned-time";

export default async function CrmLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const items = NAV_ITEMS.filter((i) => !i.act || can(actor, i.act)).map(({ href, label }) => ({ href, label }));
  // Every date below is shown in the company zone, read once here and handed to the browser.
  const zone = await getCompanyTimeZone();
  return (
    <CompanyTimeZoneProvider zone={zone}>
      <AppShell items={items} user={{ name: actor.name, role: actor.role }}>
        {children}
      </AppShell>
    </CompanyTimeZoneProvider>
  );
}
