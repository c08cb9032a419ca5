// ISO 8601 UTC times read and written without Date: the run reads a createdAt per lead and an `at` per event, and
// writes a time per timeline entry, so a fixed-format path (about 4× cheaper than Date.parse / toISOString) pays off.

const DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Value of the two digits at `i`, or -1 when either is not a digit. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.sssZ` with every part in range, in ms since 1970; NaN for anything
 * else (the caller then takes the general path), so for every text this accepts it equals Date.parse.
 */
export function parseIsoUtc(s: string): number {
  const n = s.length;
  if ((n !== 20 && n !== 24) || s.charCodeAt(n - 1) !== 90) return Number.NaN;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58)
    return Number.NaN;
  const hi = two(s, 0);
  const lo = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return Number.NaN;
  if (second < 0 || second > 59) return Number.NaN;
  const year = hi * 100 + lo;
  if (day > daysInMonth(year, month)) return Number.NaN;
  let ms = 0;
  if (n === 24) {
    if (s.charCodeAt(19) !== 46) return Number.NaN;
    const a = s.charCodeAt(20) - 48;
    const b = two(s, 21);
    if (a < 0 || a > 9 || b < 0) return Number.NaN;
    ms = a * 100 + b;
  }
  return daysFromCivil(year, month, day) * DAY + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
}

// The `YYYY-MM-DDT` of recent days as character codes, 16 days in a direct-mapped cache (day mod 16): a run writes
// times in order, but an outcome's touch, conversion and close fall on different days, read lead after lead.
const DAYS = 16;
const cachedDay = new Float64Array(DAYS).fill(Number.NaN);
const prefixes = new Uint16Array(DAYS * 11);
// The last time written and its text: a timeline often records one instant twice (a touch and the deadline it met).
let lastMs = Number.NaN;
let lastText = "";

/**
 * What `new Date(ms).toISOString()` returns, for years 1970–9999 without a Date; other times go through Date. The text
 * is made from character codes in one piece: joining its parts would give a rope of about ten small strings (≈ 260 bytes
 * instead of 48), and a run keeps one such time per timeline entry.
 */
export function isoTime(ms: number): string {
  if (!(ms >= 0 && ms < 253_402_300_800_000)) return new Date(ms).toISOString();
  if (ms === lastMs) return lastText;
  const day = Math.floor(ms / DAY);
  const at = (day % DAYS) * 11;
  if (cachedDay[day % DAYS] !== day) {
    const text = new Date(day * DAY).toISOString();
    for (let i = 0; i < 11; i++) prefixes[at + i] = text.charCodeAt(i);
    cachedDay[day % DAYS] = day;
  }
  let rest = ms - day * DAY;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  const p = prefixes;
  lastMs = ms;
  lastText = String.fromCharCode(
    p[at] as number,
    p[at + 1] as number,
    p[at + 2] as number,
    p[at + 3] as number,
    p[at + 4] as number,
    p[at + 5] as number,
    p[at + 6] as number,
    p[at + 7] as number,
    p[at + 8] as number,
    p[at + 9] as number,
    p[at + 10] as number,
    48 + Math.floor(hour / 10),
    48 + (hour % 10),
    58,
    48 + Math.floor(minute / 10),
    48 + (minute % 10),
    58,
    48 + Math.floor(second / 10),
    48 + (second % 10),
    46,
    48 + Math.floor(milli / 100),
    48 + (Math.floor(milli / 10) % 10),
    48 + (milli % 10),
    90,
  );
  return lastText;
}
