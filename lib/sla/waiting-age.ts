// Pure helpers for the waiting-leads list (client components import them): how long a lead has
// waited, in a rep's words, and the timer state it is in at that age.

/** Recorded timer firings: `ok` none yet, `alerted` the reps were reminded, `escalated` the manager was told. */
export type TSlaState = "ok" | "alerted" | "escalated";

/** "just now", "4 min", "1 h 05 min", "2 d 3 h". */
export function formatWaitingAge(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, "0")} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

const RANK: Record<TSlaState, number> = { ok: 0, alerted: 1, escalated: 2 };

/**
 * The state to show: what the timers recorded, or the one that has fallen due at this age if that
 * is later (the job fires within a minute of it; the list need not wait for a reload to say so).
 */
export function slaStateAt(recorded: TSlaState, ageMs: number, timers: { alertMinutes: number; escalateMinutes: number }): TSlaState {
  const due: TSlaState = ageMs >= timers.escalateMinutes * 60_000 ? "escalated" : ageMs >= timers.alertMinutes * 60_000 ? "alerted" : "ok";
  return RANK[due] > RANK[recorded] ? due : recorded;
}
