"use server";

import { defineAction } from "@/lib/action-client";
import { createUser } from "@/lib/users/create-user";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { setUserActive } from "@/lib/users/set-user-active";
import { setUserRole } from "@/lib/users/set-user-role";

export const createUserAction = defineAction(createUser, {
  revalidate: () => ["/admin/crm/team"],
  success: (u) => `Created ${u.name}`,
});

export const setUserActiveAction = defineAction(setUserActive, {
  revalidate: () => ["/admin/crm/team"],
});

export const setUserRoleAction = defineAction(setUserRole, {
  revalidate: () => ["/admin/crm/team"],
  success: (r) => (r.role === "super_admin" ? "Now a manager" : "Now a rep"),
});

export const resetUserPasswordAction = defineAction(resetUserPassword, {
  success: () => "Password reset; their sessions have ended.",
});
