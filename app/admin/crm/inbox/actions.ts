"use server";

import { defineAction } from "@/lib/action-client";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";

// Opening one notification, or "Mark all read": the inbox and the nav badge (layout) re-read.
export const markNotificationsReadAction = defineAction(markNotificationsRead, {
  revalidate: () => ["/admin/crm/inbox"],
});
