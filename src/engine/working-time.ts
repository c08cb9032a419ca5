// Working-time arithmetic (spec §9): adds minutes or days to an instant on the calendar or on one owner's working hours.
import type { Away, WorkingHours } from "./document/schema";
import { minutes as hhmmMinutes, type Clock } from "./time";

const MINUTE = 60_000;
const DAY = 86_400_000;
/** A search for the next working minute gives up after this many days (a roster whose leave covers years). */
const MAX_DAYS = 3_660;

/** Whose clock a duration runs on: the flow's time zone and holidays, the owner's hours and leave. */
export interface WorkCalendar {
  readonly clock: Clock;
  /** Absent (or no days, or start = end): every minute counts. */
  readonly hours?: WorkingHours;
  readonly holidays: ReadonlySet<string>;
  readonly away?: readonly Away[];
}

/** Days since 1970-01-01 of a local calendar date; weekday and date text follow from it without a time zone. */
const dayNumber = (year: number, month: number, day: number) => Math.floor(Date.UTC(year, month - 1, day) / DAY);
const weekdayOf = (dn: number) => ((((dn + 3) % 7) + 7) % 7) + 1;
const dateText = (dn: number) => new Date(dn * DAY).toISOString().slice(0, 10);

/** The instant of a local wall-clock minute (day number, minute of day) in the clock's zone; in a DST gap, the moment after. */
export function localToInstant(clock: Clock, dn: number, minuteOfDay: number): number {
  const wall = dn * DAY + minuteOfDay * MINUTE;
  const offsetAt = (ms: number) => {
    const l = clock.local(ms);
    return dayNumber(l.year, l.month, l.day) * DAY + l.minuteOfDay * MINUTE - Math.floor(ms / MINUTE) * MINUTE;
  };
  const first = wall - offsetAt(wall);
  const second = wall - offsetAt(first);
  return second;
}

/** Length of one working day of these hours in minutes (9 h for 09:00–18:00; an overnight shift wraps). */
export function workingDayMinutes(hours: WorkingHours): number {
  const start = hhmmMinutes(hours.start);
  const end = hhmmMinutes(hours.end);
  return end > start ? end - start : end + 1440 - start;
}

function countsEveryMinute(hours: WorkingHours | undefined): hours is undefined {
  return !hours || hours.days.length === 0 || hours.start === hours.end;
}

function isAway(away: readonly Away[] | undefined, date: string): boolean {
  if (!away) return false;
  for (const a of away) if (date >= a.from && date <= a.to) return true;
  return false;
}

/** Whether a local date is a working day of the calendar: one of the hours' days, not a holiday, not on leave. */
export function isWorkingDate(cal: WorkCalendar, dn: number): boolean {
  if (!cal.hours || !cal.hours.days.includes(weekdayOf(dn))) return false;
  if (cal.holidays.size === 0 && !cal.away) return true;
  const date = dateText(dn);
  return !cal.holidays.has(date) && !isAway(cal.away, date);
}

/**
 * The instant `amount` working minutes after `start`. A shift belongs to the day it starts on (an overnight shift
 * 22:00–06:00 that starts on a holiday is not worked). Exactly at a shift's end counts as inside it, so 1 hour from
 * 17:00 with hours 09:00–18:00 is 18:00 the same day, and from 18:00 it is 10:00 the next working day.
 */
export function addWorkingMinutes(start: number, amount: number, cal: WorkCalendar): number {
  if (amount <= 0) return start;
  const hours = cal.hours;
  if (countsEveryMinute(hours)) return start + amount * MINUTE;
  const from = hhmmMinutes(hours.start);
  const length = workingDayMinutes(hours);
  const local = cal.clock.local(start);
  // The previous day's overnight shift may still be running at `start`.
  const first = dayNumber(local.year, local.month, local.day) - 1;
  let left = amount;
  for (let dn = first; dn < first + MAX_DAYS; dn++) {
    if (!isWorkingDate(cal, dn)) continue;
    const shiftStart = localToInstant(cal.clock, dn, from);
    const shiftEnd = localToInstant(cal.clock, dn, from + length);
    if (shiftEnd <= start) continue;
    const begin = Math.max(shiftStart, start);
    const available = (shiftEnd - begin) / MINUTE;
    if (left <= available) return begin + left * MINUTE;
    left -= available;
  }
  // Nobody works within ten years (leave or holidays cover everything): fall back to the calendar rather than never.
  return start + amount * MINUTE;
}

/** A duration in the node's clock added to an instant: calendar minutes and 24-hour days, or the owner's working time. */
export function addDuration(
  start: number,
  duration: { minutes: number; days: number },
  clock: "calendar" | "working_hours",
  cal: WorkCalendar,
): number {
  if (clock === "calendar" || countsEveryMinute(cal.hours)) return start + duration.minutes * MINUTE + duration.days * DAY;
  const perDay = workingDayMinutes(cal.hours as WorkingHours);
  return addWorkingMinutes(start, duration.minutes + duration.days * perDay, cal);
}
