// The flow's holidays as the settings panel edits them: dates (the engine's `settings.holidays`) with optional names kept beside
// them (`settings.holidayNames`, ignored by the engine), and a pasted list read line by line.
import type { Flow } from "../../engine";

export interface Holiday {
  readonly date: string;
  readonly name: string;
}

type Settings = NonNullable<Flow["settings"]>;

/** The holidays of a flow, sorted by date, each with its name ("" when none). */
export function holidaysOf(settings: Settings | undefined): Holiday[] {
  const names = namesOf(settings);
  return [...(settings?.holidays ?? [])].sort().map((date) => ({ date, name: names[date] ?? "" }));
}

function namesOf(settings: Settings | undefined): Record<string, string> {
  const raw = settings?.holidayNames;
  if (typeof raw !== "object" || raw === null) return {};
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** Writes the list back: unique dates in order; names only for named dates; both keys gone when empty. */
export function writeHolidays(settings: Settings, list: readonly Holiday[]): void {
  const byDate = new Map<string, string>();
  for (const h of list) byDate.set(h.date, h.name.trim() || byDate.get(h.date) || "");
  const dates = [...byDate.keys()].sort();
  const names = Object.fromEntries(dates.filter((d) => byDate.get(d)).map((d) => [d, byDate.get(d) as string]));
  if (dates.length > 0) settings.holidays = dates;
  else delete settings.holidays;
  if (Object.keys(names).length > 0) settings.holidayNames = names;
  else delete settings.holidayNames;
}

const pad = (n: string) => n.padStart(2, "0");

/** A real calendar date (not 2026-02-30) as YYYY-MM-DD, or null. */
function isoDate(y: string, m: string, d: string): string | null {
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso ? null : iso;
}

const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => string | null][] = [
  [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/, (m) => isoDate(m[1] as string, m[2] as string, m[3] as string)], // 2026-12-25, 2026/12/25
  [/^(\d{1,2})\.(\d{1,2})\.(\d{4})/, (m) => isoDate(m[3] as string, m[2] as string, m[1] as string)], // 25.12.2026
  [/^(\d{4})年(\d{1,2})月(\d{1,2})日/, (m) => isoDate(m[1] as string, m[2] as string, m[3] as string)], // 2026年12月25日
];

export interface PasteResult {
  readonly holidays: Holiday[];
  /** Lines with no date we could read, as typed. */
  readonly unread: string[];
}

/** One holiday per line: a date first (2026-12-25, 2026/12/25, 25.12.2026, 2026年12月25日), then an optional name. */
export function parseHolidayList(text: string): PasteResult {
  const holidays: Holiday[] = [];
  const unread: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    let found: { date: string; rest: string } | null = null;
    for (const [pattern, read] of PATTERNS) {
      const m = pattern.exec(line);
      const date = m ? read(m) : null;
      if (m && date) {
        found = { date, rest: line.slice(m[0].length) };
        break;
      }
    }
    if (!found) unread.push(line);
    else holidays.push({ date: found.date, name: found.rest.replace(/^[\s,;:\t|–—-]+/, "").trim() });
  }
  return { holidays, unread };
}
