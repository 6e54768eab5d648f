// The words of the inbox (table `notifications`, column `kind`). A feature that tells a user
// something adds its word here and calls notifyUser(); the inbox shows every kind alike.
export const NOTIFICATION_KINDS = [
  // someone @mentioned the user in an internal note (lib/notes/)
  "mention",
  // a lead texted back (lib/sms/record-inbound-text.ts), told to the lead's holder
  "text_reply",
  // a lead request (handoff, loss, reopen) was made, approved, accepted, declined or withdrawn (lib/requests/)
  "request",
] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<TNotificationKind, string> = {
  mention: "Mention",
  text_reply: "Text reply",
  request: "Request",
};
