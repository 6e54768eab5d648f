import { ZonedTime } from "@/components/ui/zoned-time";

/** "Being called by Sarah" — someone else holds the lead's soft call lock. */
export function LockBadge({ lockedBy }: { lockedBy: { name: string; until: string } | null }) {
  if (!lockedBy) return null;
  return (
    <span
      className="inline-flex items-center gap-1 rounded-full bg-rose-100 px-2 py-0.5 text-xs font-medium text-rose-800"
      data-testid="lock-badge"
    >
      <span aria-hidden="true">☎</span> Being called by {lockedBy.name}
      <span className="sr-only">
        {" "}
        until <ZonedTime value={lockedBy.until} show="time" />
      </span>
    </span>
  );
}
