"use server";

import { defineAction } from "@/lib/action-client";
import { setSessionLifetimes } from "@/lib/security/set-session-lifetimes";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";
import { updateOwnProfile } from "@/lib/users/update-own-profile";

export const updateOwnProfileAction = defineAction(
  (actor, input) => updateOwnProfile(actor, input as never),
  {
    revalidate: () => ["/admin/crm/account"],
    success: () => "Saved.",
  },
);

export const changeOwnPasswordAction = defineAction(
  (actor, input) => changeOwnPassword(actor, input as never),
  {
    success: () => "Password changed. Sign in again with the new one.",
  },
);

export const signOutEverywhereAction = defineAction((actor) => signOutEverywhere(actor), {
  success: () => "Signed out everywhere.",
});

export const setSessionLifetimesAction = defineAction(
  (actor, input) => setSessionLifetimes(actor, input as never),
  {
    revalidate: () => ["/admin/crm/account"],
    success: () => "Saved.",
  },
);
