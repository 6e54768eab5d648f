"use server";

import { defineAction } from "@/lib/action-client";
import { setSessionLifetimes } from "@/lib/security/set-session-lifetimes";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";
import { updateOwnProfile } from "@/lib/users/update-own-profile";
import { rotateCalendarToken } from "@/lib/calendar/rotate-calendar-token";
import { setFollowUpDigest } from "@/lib/follow-ups/set-follow-up-digest";
import { setLiveAlerts } from "@/lib/users/set-live-alerts";
import { setFollowUpDigestHour } from "@/lib/follow-ups/set-follow-up-digest-hour";

export const updateOwnProfileAction = defineAction(updateOwnProfile, {
  revalidate: () => ["/admin/crm/account"],
  success: () => "Saved.",
});

export const changeOwnPasswordAction = defineAction(changeOwnPassword, {
  success: () => "Password changed. Sign in again with the new one.",
});

export const signOutEverywhereAction = defineAction(signOutEverywhere, {
  success: () => "Signed out everywhere.",
});

export const setSessionLifetimesAction = defineAction(setSessionLifetimes, {
  revalidate: () => ["/admin/crm/account"],
  success: () => "Saved.",
});

export const rotateCalendarTokenAction = defineAction(rotateCalendarToken, {
  revalidate: () => ["/admin/crm/account"],
});

export const setFollowUpDigestAction = defineAction(setFollowUpDigest, {
  revalidate: () => ["/admin/crm/account"],
  success: (r) => (r.enabled ? "You will get the morning email." : "Morning email off."),
});

export const setLiveAlertsAction = defineAction(setLiveAlerts, {
  revalidate: () => ["/admin/crm", "/admin/crm/account"],
  success: () => "Saved.",
});

export const setFollowUpDigestHourAction = defineAction(setFollowUpDigestHour, {
  revalidate: () => ["/admin/crm/account"],
  success: () => "Saved.",
});
