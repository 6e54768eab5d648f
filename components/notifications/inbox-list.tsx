"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { TFormAction } from "@/lib/action-state";
import { NOTIFICATION_KIND_LABELS } from "@/lib/notifications/notification-kinds";
import type { TNotificationItem } from "@/lib/notifications/list-notifications";
import { ActionButton } from "@/components/ui/action-button";
import { smallButton } from "@/components/ui/classes";
import { ZonedTime } from "@/components/ui/zoned-time";

/**
 * The inbox: one row per notification, unread ones marked (in words, not only colour). Opening
 * one marks it read first, then goes where it points, so the badge is right on the next page.
 */
export function InboxList({ items, unread, markRead }: { items: TNotificationItem[]; unread: number; markRead: TFormAction }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  if (items.length === 0) return <p className="rounded border bg-white p-4 text-sm text-slate-600">No notifications yet. When someone mentions you in a note, it shows here.</p>;
  const open = (n: TNotificationItem) => (e: React.MouseEvent<HTMLAnchorElement>) => {
    if (n.read || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    startTransition(async () => {
      await markRead(null, { id: n.id });
      router.push(n.href ?? "/admin/crm/inbox");
    });
  };
  return (
    <div className="flex flex-col gap-2">
      {unread > 0 ? (
        <div>
          <ActionButton action={markRead} fields={{}} label="Mark all read" className={smallButton} success="All marked read" />
        </div>
      ) : null}
      <ul className="divide-y rounded border bg-white" aria-label="Notifications" aria-busy={pending}>
        {items.map((n) => (
          <li key={n.id} className={`flex flex-col gap-1 p-3 ${n.read ? "" : "bg-brand-50"}`} data-testid="notification">
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
              {n.read ? null : <span className="rounded bg-brand-600 px-1.5 py-0.5 text-xs font-medium text-white">Unread</span>}
              <span className="text-slate-600">{NOTIFICATION_KIND_LABELS[n.kind] ?? n.kind}</span>
              <span className="text-slate-600">
                <ZonedTime value={n.createdAt} />
              </span>
            </div>
            {n.href ? (
              <Link href={n.href} onClick={open(n)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                {n.title}
              </Link>
            ) : (
              <span className="font-medium">{n.title}</span>
            )}
            {n.body ? <p className="whitespace-pre-line break-words text-sm text-slate-700">{n.body}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
