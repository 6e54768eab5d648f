import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { getCompanyTimeZone } from "@/lib/kernel/company-settings";
import { NAV_ITEMS } from "@/lib/nav";
import { AppShell } from "@/components/app-shell";
import { CompanyTimeZoneProvider } from "@/components/ui/zoned-time";
import { getLiveShell } from "@/lib/live/get-live-shell";
import { LiveProvider } from "@/components/live/live-provider";

export default async function CrmLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const items = NAV_ITEMS.filter((i) => !i.act || can(actor, i.act)).map(({ href, label }) => ({ href, label }));
  // Every date below is shown in the company zone, read once here and handed to the browser.
  // Live updates (components/live/): the pool badge and the user's alert choices, re-read on
  // every refresh a live event causes.
  const [zone, live] = await Promise.all([getCompanyTimeZone(), getLiveShell(actor)]);
  return (
    <CompanyTimeZoneProvider zone={zone}>
      <LiveProvider userId={actor.id} poolCount={live.poolCount} unreadCount={live.unreadCount} requestCount={live.requestCount} desktopAlerts={live.desktopAlerts} sound={live.sound}>
        <AppShell items={items} user={{ name: actor.name, role: actor.role }}>
          {children}
        </AppShell>
      </LiveProvider>
    </CompanyTimeZoneProvider>
  );
}
