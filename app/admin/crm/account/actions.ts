"use server";

import { defineAction } from "@/lib/action-client";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { updateOwnProfile } from "@/lib/users/update-own-profile";

export const updateOwnProfileAction = defineAction(updateOwnProfile, {
  revalidate: () => ["/admin/crm/account"],
  success: () => "Saved.",
});

export const changeOwnPasswordAction = defineAction(changeOwnPassword, {
  success: () => "Password changed. Sign in again with the new one.",
});
