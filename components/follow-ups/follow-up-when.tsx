"use client";

import { ZonedTime } from "@/components/ui/zoned-time";

/**
 * When a follow-up is due: a timed one as its company time ("Mar 15, 2027, 9:30 AM CDT"), a
 * date-only one as its company day, "any time" (its stored 9:00 means nothing to the rep).
 */
export function FollowUpWhen({ at, hasTime }: { at: string | null | undefined; hasTime: boolean }) {
  if (!at) return <>—</>;
  if (hasTime) return <ZonedTime value={at} />;
  return (
    <>
      <ZonedTime value={at} show="date" />, any time
    </>
  );
}
