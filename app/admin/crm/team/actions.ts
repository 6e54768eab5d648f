"use server";

import { defineAction } from "@/lib/action-client";
import { createUser } from "@/lib/users/create-user";
import { setUserActive } from "@/lib/users/set-user-active";

export const createUserAction = defineAction((actor, input) => createUser(actor, input as never), {
  revalidate: () => ["/admin/crm/team"],
  success: (u) => `Created ${u.name}`,
});

export const setUserActiveAction = defineAction((actor, input) => setUserActive(actor, input as never), {
  revalidate: () => ["/admin/crm/team"],
});
