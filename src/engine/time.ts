// Local time in the flow's time zone: weekday, minute of day and cap/capacity window keys, cached per quarter hour.
import type { WorkingHours } from "./document/schema";

export type WindowKind = "hour" | "day" | "week" | "month" | "total";

export interface LocalTime {
  /** Window keys of the quarter hour this time falls in (a quarter never crosses an hour, day, week or month). */
  readonly keys: Readonly<Record<Exclude<WindowKind, "total">, string>>;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  readonly minuteOfDay: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const QUARTER = 900_000;
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export interface Clock {
  local(ms: number): LocalTime;
  windowKey(ms: number, window: WindowKind): string;
  /** Every window key of a moment at once (no allocation: the object is shared by the quarter hour). */
  keys(ms: number): LocalTime["keys"];
  withinHours(ms: number, hours: WorkingHours): boolean;
}

/** Every zone's UTC offset is a multiple of 15 minutes, so one Intl call per quarter hour serves every lead inside it. */
export function makeClock(timeZone: string): Clock {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    weekday: "short",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  });
  const cache = new Map<number, LocalTime>();

  function computeQuarter(start: number): LocalTime {
    const parts: Record<string, string> = {};
    for (const p of format.formatToParts(start)) parts[p.type] = p.value;
    const year = Number(parts.year),
      month = Number(parts.month),
      day = Number(parts.day);
    const weekday = WEEKDAYS[parts.weekday ?? ""] ?? 1;
    const hour = Number(parts.hour) % 24;
    const date = `${year}-${pad(month)}-${pad(day)}`;
    return {
      year,
      month,
      day,
      weekday,
      minuteOfDay: hour * 60 + Number(parts.minute),
      keys: { hour: `${date}T${pad(hour)}`, day: date, week: isoWeekKey(year, month, day, weekday), month: `${year}-${pad(month)}` },
    };
  }

  // Leads come in time order, so the last quarter asked for is usually the one asked for next.
  let lastStart = Number.NaN;
  let lastQuarter: LocalTime | undefined;

  function quarter(ms: number): LocalTime {
    const start = Math.floor(ms / QUARTER) * QUARTER;
    if (start === lastStart && lastQuarter) return lastQuarter;
    let q = cache.get(start);
    if (!q) {
      if (cache.size > 50_000) cache.clear();
      q = computeQuarter(start);
      cache.set(start, q);
    }
    lastStart = start;
    lastQuarter = q;
    return q;
  }
  const minuteOfDay = (ms: number, q: LocalTime) => q.minuteOfDay + Math.floor((ms - Math.floor(ms / QUARTER) * QUARTER) / 60_000);

  function local(ms: number): LocalTime {
    const q = quarter(ms);
    const m = minuteOfDay(ms, q);
    return m === q.minuteOfDay ? q : { ...q, minuteOfDay: m };
  }

  return {
    local,
    keys: (ms) => quarter(ms).keys,
    windowKey(ms, window) {
      return window === "total" ? "total" : quarter(ms).keys[window];
    },
    withinHours(ms, hours) {
      const q = quarter(ms);
      const now = minuteOfDay(ms, q);
      const start = minutes(hours.start);
      const end = minutes(hours.end);
      if (start === end) return false;
      if (start < end) return hours.days.includes(q.weekday) && now >= start && now < end;
      // An overnight shift (22:00–06:00) belongs to the day it starts on.
      if (now >= start) return hours.days.includes(q.weekday);
      return now < end && hours.days.includes(q.weekday === 1 ? 7 : q.weekday - 1);
    },
  };
}

export function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(":");
  return Number(h) * 60 + Number(m);
}

/** ISO 8601 week (Monday start; week 1 holds the year's first Thursday) of a local calendar date. */
export function isoWeekKey(year: number, month: number, day: number, weekday: number): string {
  const date = Date.UTC(year, month - 1, day);
  const thursday = new Date(date + (4 - weekday) * 86_400_000);
  const isoYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${isoYear}-W${pad(week)}`;
}
