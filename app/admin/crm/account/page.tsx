import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";
import { getOwnProfile } from "@/lib/users/get-own-profile";
import { OwnPasswordForm } from "@/components/team/own-password-form";
import { OwnPhoneForm } from "@/components/team/own-phone-form";
import { SessionLifetimesForm } from "@/components/team/session-lifetimes-form";
import { SignOutEverywhereForm } from "@/components/team/sign-out-everywhere-form";
import { can } from "@/lib/auth/permissions";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { CalendarFeedForm } from "@/components/follow-ups/calendar-feed-form";
import { FollowUpDigestForm } from "@/components/follow-ups/follow-up-digest-form";
import { LiveAlertsForm } from "@/components/live/live-alerts-form";
import { getLiveShell } from "@/lib/live/get-live-shell";
import { FollowUpDigestHourForm } from "@/components/follow-ups/follow-up-digest-hour-form";
import {
  changeOwnPasswordAction,
  rotateCalendarTokenAction,
  setFollowUpDigestAction,
  setLiveAlertsAction,
  setFollowUpDigestHourAction,
  setSessionLifetimesAction,
  signOutEverywhereAction,
  updateOwnProfileAction,
} from "./actions";

export const metadata: Metadata = { title: "My account" };

export default async function AccountPage() {
  const actor = await requirePageActor({ passwordChangePage: true });
  const [me, live, company] = await Promise.all([getOwnProfile(actor), getLiveShell(actor), getCompanySettings()]);
  const settings = can(actor, "settings.manage") ? company : null;
  const card = "max-w-lg rounded-lg border bg-white p-4";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">My account</h1>
      <p className="text-sm text-slate-600">
        {actor.name} · {actor.email} · {actor.role === "super_admin" ? "Manager" : "Rep"}
      </p>
      {actor.mustChangePassword ? (
        <p role="alert" className="max-w-lg rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          Your manager set a temporary password. Choose your own below to continue.
        </p>
      ) : null}
      <section aria-labelledby="phone" className={card}>
        <h2 id="phone" className="mb-3 font-semibold">
          Phone
        </h2>
        <OwnPhoneForm phone={me.phone} action={updateOwnProfileAction} />
      </section>
      <section aria-labelledby="calendar" className={card}>
        <h2 id="calendar" className="mb-1 font-semibold">
          Calendar
        </h2>
        <CalendarFeedForm exists={me.calendarFeed} action={rotateCalendarTokenAction} />
        <p className="mt-2 text-xs text-slate-600">
          Google Calendar: Other calendars → + → From URL. Outlook: Add calendar → Subscribe from web. Both refresh on
          their own schedule (Google every few hours).
        </p>
      </section>
      <section aria-labelledby="digest" className={card}>
        <h2 id="digest" className="mb-3 font-semibold">
          Morning email
        </h2>
        <FollowUpDigestForm enabled={me.followUpDigest} hour={company.followUpDigestHour} action={setFollowUpDigestAction} />
      </section>
      <section aria-labelledby="live-alerts" className={card}>
        <h2 id="live-alerts" className="mb-1 font-semibold">
          Live alerts
        </h2>
        <p className="mb-3 text-sm text-slate-600">New leads appear on their own while the CRM is open; these also tell you when it is in another tab.</p>
        <LiveAlertsForm desktopAlerts={live.desktopAlerts} sound={live.sound} action={setLiveAlertsAction} />
      </section>
      <section aria-labelledby="password" className={card}>
        <h2 id="password" className="mb-3 font-semibold">
          Password
        </h2>
        <OwnPasswordForm action={changeOwnPasswordAction} />
      </section>
      <section aria-labelledby="sessions" className={card}>
        <h2 id="sessions" className="mb-1 font-semibold">
          Sessions
        </h2>
        <p className="mb-3 text-sm text-slate-600">Signed in on a computer you no longer have? End every session, this one too.</p>
        <SignOutEverywhereForm action={signOutEverywhereAction} />
      </section>
      {settings ? (
        <section aria-labelledby="lifetimes" className={card}>
          <h2 id="lifetimes" className="mb-1 font-semibold">
            Session lifetimes (everyone)
          </h2>
          <p className="mb-3 text-sm text-slate-600">Anyone idle this long, or signed in this long, signs in again.</p>
          <SessionLifetimesForm idleMinutes={settings.sessionIdleMinutes} absoluteHours={settings.sessionAbsoluteHours} action={setSessionLifetimesAction} />
        </section>
      ) : null}
      {settings ? (
        <section aria-labelledby="digest-hour" className={card}>
          <h2 id="digest-hour" className="mb-1 font-semibold">
            Morning email hour (everyone)
          </h2>
          <p className="mb-3 text-sm text-slate-600">Reps who turned the morning email on get it from this hour.</p>
          <FollowUpDigestHourForm hour={settings.followUpDigestHour} action={setFollowUpDigestHourAction} />
        </section>
      ) : null}
    </div>
  );
}
