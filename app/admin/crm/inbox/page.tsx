import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { InboxList } from "@/components/notifications/inbox-list";
import { markNotificationsReadAction } from "./actions";

export const metadata: Metadata = { title: "Inbox" };

/** The user's notifications (mentions today), newest first; each opens what it is about. */
export default async function InboxPage() {
  const actor = await requirePageActor();
  const data = await listNotifications(actor, { limit: 100 });
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Inbox</h1>
        <p className="text-sm text-slate-600" data-testid="inbox-unread">
          {data.unread === 0 ? "Nothing unread" : `${data.unread} unread`}
        </p>
      </div>
      <InboxList items={data.items} unread={data.unread} markRead={markNotificationsReadAction} />
    </div>
  );
}
