// Seeded sample leads for a flow: realistic values for its fields and createdAt spread over working days in its time zone.
import { flowClock, flowSeed, specOf, toTime, type Clock, type FieldDef, type Flow, type Lead } from "../engine";
import { makeLeadContext, valueMakerFor, type FieldHints } from "./generate-values";
import { Random, streamSeed } from "./random";

export interface GenerateOptions {
  /** Same seed ⇒ same leads; default the flow's settings.seed, else 1. */
  seed?: number;
  /** Leads arrive over the working days before this moment (ISO text or ms); default the flow's referenceTime, else now. */
  end?: string | number;
  /** How many working days back the leads spread; default 10 (two weeks). */
  workingDays?: number;
  /** Share of leads outside working hours (evenings, weekends), so working-hours rules meet them; default 0.05. */
  offHours?: number;
}

const DAY_MS = 86_400_000;
const BUILT_IN = new Set(["id", "createdAt"]);

type Hints = Map<string, { mentioned: Set<string | number>; owners: Set<string> }>;

function hint(hints: Hints, key: string) {
  let h = hints.get(key);
  if (!h) hints.set(key, (h = { mentioned: new Set(), owners: new Set() }));
  return h;
}

/** Values the flow's own conditions name (`country in [US, CA]`), wherever they sit in a node's config. */
function collectConditionValues(value: unknown, hints: Hints): void {
  if (Array.isArray(value)) {
    for (const item of value) collectConditionValues(item, hints);
    return;
  }
  if (!value || typeof value !== "object") return;
  const record = value as Record<string, unknown>;
  if (typeof record.field === "string" && typeof record.operator === "string") {
    const values = Array.isArray(record.value) ? record.value : [record.value];
    for (const v of values)
      if ((typeof v === "string" && v.trim() !== "") || typeof v === "number") hint(hints, record.field).mentioned.add(v);
  }
  for (const child of Object.values(record)) if (child && typeof child === "object") collectConditionValues(child, hints);
}

/** What the flow says about each field: condition values, trigger sources, territory values of the reps, owner fields. */
export function fieldHints(flow: Flow): Map<string, FieldHints> {
  const hints: Hints = new Map();
  const teams = new Map(flow.teams.map((t) => [t.id, t]));
  for (const node of flow.nodes) {
    collectConditionValues(node.config, hints);
    for (const h of specOf(node).sampleHints?.(node, teams) ?? []) {
      const entry = hint(hints, h.field);
      for (const v of h.mentioned ?? []) entry.mentioned.add(v);
      for (const o of h.owners ?? []) entry.owners.add(o);
    }
  }
  return new Map([...hints].map(([k, h]) => [k, { mentioned: [...h.mentioned], owners: [...h.owners] }]));
}

/** Local wall-clock time in a zone → UTC ms (checked twice, so a DST change in between lands right). */
function zonedTime(clock: Clock, wall: number): number {
  let utc = wall;
  for (let i = 0; i < 2; i++) {
    const t = clock.local(utc);
    utc += wall - (Date.UTC(t.year, t.month - 1, t.day) + t.minuteOfDay * 60_000);
  }
  return utc;
}

/** The zone's offset per local hour, looked up once: offsets change on hour boundaries (bar a few exotic zones). */
function zoneOffsets(clock: Clock): (wall: number) => number {
  const cache = new Map<number, number>();
  return (wall) => {
    const hour = Math.floor(wall / 3_600_000) * 3_600_000;
    let offset = cache.get(hour);
    if (offset === undefined) cache.set(hour, (offset = hour - zonedTime(clock, hour)));
    return wall - offset;
  };
}

/** A working-hours minute with the usual late-morning and mid-afternoon peaks. */
const HOURS = [
  [9, 8],
  [10, 12],
  [11, 13],
  [12, 8],
  [13, 9],
  [14, 12],
  [15, 11],
  [16, 9],
  [17, 6],
] as const;

function createdTimes(count: number, flow: Flow, options: GenerateOptions, rng: Random): Float64Array {
  const clock = flowClock(flow);
  const endValue = options.end ?? flow.settings?.referenceTime;
  const endMs = endValue === undefined ? Date.now() : toTime(endValue);
  if (Number.isNaN(endMs)) throw new Error(`Not a time: ${String(endValue)}`);
  const today = clock.local(endMs);
  const todayUtc = Date.UTC(today.year, today.month - 1, today.day);
  const workdays: number[] = [];
  const allDays: number[] = [];
  const wanted = Math.max(1, options.workingDays ?? 10);
  for (let back = 1; workdays.length < wanted; back++) {
    const day = todayUtc - back * DAY_MS;
    allDays.push(day);
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) workdays.push(day);
  }
  const offHours = options.offHours ?? 0.05;
  const toUtc = zoneOffsets(clock);
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const off = rng.chance(offHours);
    const day = off ? rng.pick(allDays) : rng.pick(workdays);
    const minute = off
      ? rng.chance(0.5)
        ? rng.int(0, 8 * 60 - 1)
        : rng.int(19 * 60, 24 * 60 - 1)
      : rng.weighted(HOURS) * 60 + rng.int(0, 59);
    times[i] = toUtc(day + minute * 60_000 + rng.int(0, 59) * 1000);
  }
  return times.sort();
}

/** The fields to fill: the flow's own (minus id and createdAt) and `source`, which triggers read even when undeclared. */
function fieldsToFill(flow: Flow): FieldDef[] {
  const fields = flow.fields.filter((f) => !BUILT_IN.has(f.key)) as FieldDef[];
  if (!fields.some((f) => f.key === "source")) fields.unshift({ key: "source", label: "Source", type: "string" });
  return fields;
}

/** N sample leads for a flow, ids `gen-1…` in createdAt order; the same flow fields, count and seed give the same leads. */
export function generateLeads(flow: Flow, count: number, options: GenerateOptions = {}): Lead[] {
  const seed = options.seed ?? flowSeed(flow);
  const n = Math.max(0, Math.floor(count));
  const times = createdTimes(n, flow, options, new Random(streamSeed(seed, "\u0000createdAt")));
  const people = new Random(streamSeed(seed, "\u0000person"));
  const hints = fieldHints(flow);
  const none: FieldHints = { mentioned: [], owners: [] };
  const makers = fieldsToFill(flow).map(
    (f) => [f.key, valueMakerFor(f, hints.get(f.key) ?? none, new Random(streamSeed(seed, f.key)))] as const,
  );
  const leads: Lead[] = new Array<Lead>(n);
  for (let i = 0; i < n; i++) {
    const createdAt = times[i] as number;
    const context = makeLeadContext(people, createdAt);
    const lead: Lead = { id: `gen-${i + 1}`, createdAt: new Date(createdAt).toISOString() };
    for (const [key, make] of makers) lead[key] = make(context);
    leads[i] = lead;
  }
  return leads;
}
