// Reads a date value (ISO 8601 text or milliseconds since the epoch) the same way on every machine and time zone.

export const DAY_MS = 86_400_000;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** 400 Gregorian years are exactly 146,097 days; used to step over Date.UTC's 0–99 → 1900s rule. */
const FOUR_CENTURIES_MS = 146_097 * DAY_MS;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0"));
}

/**
 * Milliseconds since the epoch, or null. A date without a time is midnight UTC; a date-time without an offset
 * is read as UTC too (Date.parse would use the machine's zone, so a worker and a server could disagree).
 */
export function timeOf(x: unknown): number | null {
  if (typeof x === "number") return Number.isFinite(x) ? x : null;
  if (typeof x !== "string") return null;
  const m = ISO.exec(x.trim());
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4] ?? "0");
  const minute = Number(m[5] ?? "0");
  const second = Number(m[6] ?? "0");
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const fraction = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const offset = offsetMinutes(m[8]);
  if (Math.abs(offset) > 18 * 60) return null;
  const utc = Date.UTC(year + 400, month - 1, day, hour, minute, second, fraction) - FOUR_CENTURIES_MS;
  return utc - offset * 60_000;
}

/** Whole days from `x` to `refTime`, rounded down; negative when `x` is after `refTime`. */
export function daysBetween(x: unknown, refTime: number): number | null {
  const t = timeOf(x);
  if (t === null || !Number.isFinite(refTime)) return null;
  return Math.floor((refTime - t) / DAY_MS);
}
