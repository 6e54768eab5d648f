// Demo activity happens when a sales team works: weekdays 8:00–18:00 in the company's zone.
import { TZDate } from "@date-fns/tz";

export const WORK_START_HOUR = 8;
export const WORK_END_HOUR = 18;
const HOUR = 3_600_000;
// Working hours per calendar hour: 5 days × 10 h of the week's 168 h.
const WORK_SHARE = ((WORK_END_HOUR - WORK_START_HOUR) * 5) / 168;

const at = (t: TZDate, hour: number) =>
  new TZDate(t.getFullYear(), t.getMonth(), t.getDate(), hour, 0, 0, 0, t.timeZone!).getTime();
const isWorkday = (t: TZDate) => t.getDay() >= 1 && t.getDay() <= 5;

/** The latest instant at or before `t` inside working hours. */
function lastWorkingInstant(t: number, zone: string): number {
  let d = new TZDate(t, zone);
  for (let i = 0; i < 8; i++) {
    if (isWorkday(d)) {
      const start = at(d, WORK_START_HOUR);
      const end = at(d, WORK_END_HOUR) - 1;
      if (t >= start) return Math.min(t, end);
    }
    // Before this day's start: the end of the previous day.
    d = new TZDate(at(d, 0) - 1, zone);
    t = d.getTime();
  }
  throw new Error("no working day within a week");
}

/** Walks `ms` of working time from the working instant `from`, back (ms < 0) or forward. */
function walkWorkingTime(from: number, ms: number, zone: string): number {
  let t = from;
  let left = Math.abs(ms);
  for (let guard = 0; guard < 10_000; guard++) {
    const d = new TZDate(t, zone);
    if (ms < 0) {
      const start = at(d, WORK_START_HOUR);
      if (left <= t - start) return t - left;
      left -= t - start;
      t = lastWorkingInstant(start - 1, zone);
    } else {
      const end = at(d, WORK_END_HOUR) - 1;
      if (left <= end - t) return t + left;
      left -= end - t;
      // The next working day's start.
      let n = new TZDate(at(d, 0) + 36 * HOUR, zone);
      while (!isWorkday(n)) n = new TZDate(at(n, 0) + 36 * HOUR, zone);
      t = at(n, WORK_START_HOUR);
    }
  }
  throw new Error("walked too far");
}

/**
 * Moves a demo moment into working hours, keeping the order of all moments and which side of
 * `now` they fall on: the calendar time between the moment and now becomes the same share of
 * working time, counted back (or forward, for planned follow-ups) from the last working instant
 * before now. No random draw: the demo stays deterministic and its counts unchanged.
 */
export function toWorkingHours(moment: Date, now: Date, zone: string): Date {
  const anchor = lastWorkingInstant(now.getTime(), zone);
  const offset = (moment.getTime() - now.getTime()) * WORK_SHARE;
  return new Date(walkWorkingTime(anchor, Math.round(offset), zone));
}
