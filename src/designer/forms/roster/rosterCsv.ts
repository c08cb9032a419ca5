// Reads a roster CSV (name, email, weight, regions, skills, …; headers in any case) into members; every row is kept, every problem listed.
import Papa from "papaparse";
import { type Member, parseBoolean, parseNumber } from "../../../engine";
import { slugify, uniqueId } from "./ids";

export type RosterProblemCode =
  | "csv_error"
  | "no_name"
  | "bad_number"
  | "not_whole"
  | "negative"
  | "bad_boolean"
  | "bad_days"
  | "bad_time"
  | "duplicate_id"
  | "bad_email"
  | "hours_default"
  | "no_rows";

export interface RosterProblem {
  /** n-th record after the header, as lead import counts rows; 0 for the whole file. */
  readonly row: number;
  readonly code: RosterProblemCode;
  readonly column?: string;
  readonly value?: string;
}

export interface RosterImport {
  /** The team's members after the import: existing ones (updated where a row names them) and the new ones after them. */
  readonly members: Member[];
  readonly added: number;
  readonly updated: number;
  readonly problems: RosterProblem[];
  /** Headers that are not roster columns; their values are kept as member attributes. */
  readonly extraColumns: string[];
}

type Column =
  | "name"
  | "id"
  | "email"
  | "active"
  | "weight"
  | "performance"
  | "openLeads"
  | "perDay"
  | "perWeek"
  | "maxOpen"
  | "regions"
  | "skills"
  | "days"
  | "start"
  | "end";

const ALIASES: Record<Column, readonly string[]> = {
  name: ["name", "fullname", "membername", "rep", "姓名", "名字", "成员"],
  id: ["id", "memberid", "编号"],
  email: ["email", "mail", "emailaddress", "邮箱", "电子邮件"],
  active: ["active", "enabled", "启用", "在职"],
  weight: ["weight", "权重"],
  performance: ["performance", "conversionrate", "conversion", "绩效", "转化率"],
  openLeads: ["openleads", "open", "未结线索"],
  perDay: ["perday", "capacityperday", "dailycapacity", "daily", "每日容量"],
  perWeek: ["perweek", "capacityperweek", "weeklycapacity", "weekly", "每周容量"],
  maxOpen: ["maxopen", "capacitymaxopen", "最大未结"],
  regions: ["regions", "region", "territory", "territories", "区域", "地区"],
  skills: ["skills", "skill", "products", "技能"],
  days: ["days", "workingdays", "workdays", "工作日"],
  start: ["start", "starttime", "workstart", "上班"],
  end: ["end", "endtime", "workend", "下班"],
};

const normHeader = (h: string) =>
  h
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
const BY_ALIAS = new Map<string, Column>(Object.entries(ALIASES).flatMap(([col, names]) => names.map((n) => [n, col as Column] as const)));

const DAY_NAMES: Record<string, number> = {
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
  周一: 1,
  周二: 2,
  周三: 3,
  周四: 4,
  周五: 5,
  周六: 6,
  周日: 7,
  周天: 7,
};

function dayNumber(token: string): number | null {
  const t = token.trim().toLowerCase();
  if (/^[1-7]$/.test(t)) return Number(t);
  return DAY_NAMES[t.slice(0, 3)] ?? DAY_NAMES[t] ?? null;
}

/** "1-5", "Mon-Fri", "mon;wed;fri", "1,2,3" → ISO weekdays; null when a part is not a day. */
export function parseDays(text: string): number[] | null {
  const days = new Set<number>();
  for (const part of text.split(/[;,|\s]+/).filter(Boolean)) {
    const [a, b, ...rest] = part.split(/[-–~至]/);
    const from = a === undefined ? null : dayNumber(a);
    const to = b === undefined ? from : dayNumber(b);
    if (from === null || to === null || rest.length > 0) return null;
    for (let d = from; ; d = (d % 7) + 1) {
      days.add(d);
      if (d === to) break;
    }
  }
  return days.size > 0 ? [...days].sort((x, y) => x - y) : null;
}

/** "9:00", "09:00", "18" → "HH:MM"; null when it is not a time of day. */
export function parseTime(text: string): string | null {
  const m = /^(\d{1,2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? "0");
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return null;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

const splitList = (text: string) =>
  text
    .split(/[;|,]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function parseRosterCsv(text: string, existing: readonly Member[]): RosterImport {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<Record<string, string | undefined>>(source, {
    header: true,
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", ";", "\t"],
    transformHeader: (h) => h.trim(),
  });
  const problems: RosterProblem[] = parsed.errors.map((e) => ({ row: (e.row ?? -1) + 1, code: "csv_error", value: e.message }));
  const headers = parsed.meta.fields ?? [];
  const columnOf = new Map(headers.map((h) => [h, BY_ALIAS.get(normHeader(h)) ?? null]));
  const extraColumns = headers.filter((h) => columnOf.get(h) === null && h !== "");
  const members = existing.map((m) => structuredClone(m));
  const before = members.length;
  const ids = new Set(members.map((m) => m.id));
  let added = 0;
  let updated = 0;
  if (parsed.data.length === 0) problems.push({ row: 0, code: "no_rows" });

  parsed.data.forEach((record, index) => {
    const row = index + 1;
    const cells = new Map<Column, string>();
    const extras: Record<string, string> = {};
    for (const h of headers) {
      const value = (record[h] ?? "").trim();
      if (value === "") continue;
      const col = columnOf.get(h);
      if (col) cells.set(col, value);
      else if (h !== "") extras[h] = value;
    }
    const problem = (code: RosterProblemCode, column?: Column, value?: string) =>
      problems.push({
        row,
        code,
        ...(column ? { column: headers.find((h) => columnOf.get(h) === column) ?? column } : {}),
        ...(value !== undefined ? { value } : {}),
      });

    const email = cells.get("email");
    const givenId = cells.get("id");
    // Rows update the team's members they name (by id or email); two rows of one file never merge into one member.
    const target = members
      .slice(0, before)
      .find((m) => (givenId !== undefined && m.id === givenId) || (email !== undefined && m.email?.toLowerCase() === email.toLowerCase()));
    const member: Member = target ?? { id: "", name: "" };
    if (!target) {
      const base = givenId ?? slugify(cells.get("name") ?? email?.split("@")[0] ?? "");
      member.id = uniqueId(base, ids, `member-${ids.size + 1}`);
      if (givenId !== undefined && member.id !== givenId) problem("duplicate_id", "id", givenId);
      ids.add(member.id);
    }
    const name = cells.get("name");
    if (name !== undefined) member.name = name;
    else if (!target) {
      member.name = email ?? givenId ?? "";
      problem("no_name", "name");
    }
    if (email !== undefined) {
      member.email = email;
      if (!email.includes("@")) problem("bad_email", "email", email);
    }
    readInto(cells, member, problem);
    if (Object.keys(extras).length > 0) member.attributes = { ...member.attributes, ...extras };
    if (target) updated++;
    else {
      members.push(member);
      added++;
    }
  });
  return { members, added, updated, problems, extraColumns };
}

type Report = (code: RosterProblemCode, column?: Column, value?: string) => void;

function readInto(cells: ReadonlyMap<Column, string>, m: Member, problem: Report): void {
  const num = (col: Column, whole: boolean): number | undefined => {
    const text = cells.get(col);
    if (text === undefined) return undefined;
    const n = parseNumber(text);
    if (n === null) problem("bad_number", col, text);
    else if (n < 0) problem("negative", col, text);
    else if (whole && !Number.isInteger(n)) problem("not_whole", col, text);
    else return n;
    return undefined;
  };
  const active = cells.get("active");
  if (active !== undefined) {
    const b = parseBoolean(active);
    if (b === null) problem("bad_boolean", "active", active);
    else m.active = b;
  }
  const weight = num("weight", false);
  if (weight !== undefined) m.weight = weight;
  const performance = num("performance", false);
  if (performance !== undefined) m.performance = performance;
  const open = num("openLeads", true);
  if (open !== undefined) m.openLeads = open;
  for (const key of ["perDay", "perWeek", "maxOpen"] as const) {
    const n = num(key, true);
    if (n !== undefined) m.capacity = { ...m.capacity, [key]: n };
  }
  for (const key of ["regions", "skills"] as const) {
    const text = cells.get(key);
    if (text !== undefined) m.attributes = { ...m.attributes, [key]: splitList(text) };
  }
  readHours(cells, m, problem);
}

function readHours(cells: ReadonlyMap<Column, string>, m: Member, problem: Report): void {
  const daysText = cells.get("days");
  const startText = cells.get("start");
  const endText = cells.get("end");
  if (daysText === undefined && startText === undefined && endText === undefined) return;
  const days = daysText === undefined ? undefined : parseDays(daysText);
  if (days === null && daysText !== undefined) problem("bad_days", "days", daysText);
  const start = startText === undefined ? undefined : parseTime(startText);
  if (start === null && startText !== undefined) problem("bad_time", "start", startText);
  const end = endText === undefined ? undefined : parseTime(endText);
  if (end === null && endText !== undefined) problem("bad_time", "end", endText);
  const hours = {
    days: m.workingHours?.days ?? [1, 2, 3, 4, 5],
    start: m.workingHours?.start ?? "09:00",
    end: m.workingHours?.end ?? "18:00",
  };
  if (days) hours.days = days;
  if (start) hours.start = start;
  if (end) hours.end = end;
  if (!m.workingHours && (!days || !start || !end)) problem("hours_default");
  m.workingHours = hours;
}
