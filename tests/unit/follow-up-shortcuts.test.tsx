import { renderToStaticMarkup } from "react-dom/server";
import { FOLLOW_UPS } from "@/components/calls/call-keys";
import { AddSalesActionForm } from "@/components/leads/add-sales-action-form";
import { CompanyTimeZoneProvider } from "@/components/ui/zoned-time";
import { FOLLOW_UP_SHORTCUTS, followUpShortcutDays } from "@/lib/kernel/zoned-time";

// The lead page's action form and the call list offer the same shortcuts with the same days: both
// take them from the kernel, in the zone the server sends (never the runtime's own).

function formShortcuts(zone: string): { label: string; day: string; time: string | null }[] {
  const html = renderToStaticMarkup(
    <CompanyTimeZoneProvider zone={zone}>
      <AddSalesActionForm leadId={1} action={async () => ({ ok: true })} />
    </CompanyTimeZoneProvider>,
  );
  return [...html.matchAll(/<button type="button" value="(\d{4}-\d{2}-\d{2})" data-time="([\d:]*)"[^>]*>([^<]+)<\/button>/g)].map((m) => ({
    day: m[1],
    time: m[2] || null,
    label: m[3],
  }));
}

afterEach(() => jest.useRealTimers());

describe("follow-up shortcuts", () => {
  it("the call list offers exactly the kernel's shortcuts", () => {
    const offered = FOLLOW_UPS.filter((f) => f.value !== "keep" && f.value !== "none" && f.value !== "custom");
    expect(offered.map((f) => [f.value, f.label])).toEqual(FOLLOW_UP_SHORTCUTS.map((s) => [s.key, s.label[0].toLowerCase() + s.label.slice(1)]));
  });

  it.each([
    ["late Sunday evening in Chicago, already Monday in UTC", "2026-03-09T04:30:00Z", "America/Chicago"],
    ["the Saturday before the autumn change", "2026-10-31T17:00:00Z", "America/Chicago"],
    ["a Tokyo company seen from a UTC runtime", "2026-12-06T16:00:00Z", "Asia/Tokyo"],
  ])("the action form shows the kernel's days (%s)", (_name, now, zone) => {
    jest.useFakeTimers({ now: new Date(now), doNotFake: ["nextTick", "setImmediate"] });
    expect(formShortcuts(zone)).toEqual(followUpShortcutDays(new Date(now), zone).map(({ label, day, time }) => ({ label, day, time })));
  });
});
