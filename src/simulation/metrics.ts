// What a run shows beyond the engine's summary (spec §7): per-owner share vs expected, capacity used, histogram, conversion, AUC.
import { flowClock, toBoolean, toTime, type Flow, type Member, type RunResult, type Status, type WindowKind } from "../engine";
import { specOf } from "../engine";
import { expectedCounts } from "./expected-share";
import { auc, histogram, rateOf, type Bin, type Rate } from "./stats";

export interface MetricsOptions {
  /** The lead field holding the known outcome (e.g. `converted`): a boolean, 1/0, yes/no or 是/否; other values are unknown. */
  outcomeField?: string;
  /** About how many score histogram bins (default 10). */
  bins?: number;
}

export interface WindowUse {
  limit: number;
  /** Most leads in one day (or ISO week) and which one, in the flow's time zone. */
  peak: number;
  peakWindow: string | null;
  /** Days (weeks) with at least one lead, and how many of them reached the limit. */
  windows: number;
  atLimit: number;
  /** peak / limit (null for a limit of 0). */
  used: number | null;
}

export interface OwnerMetrics {
  team: string;
  member: string;
  name: string;
  active: boolean;
  received: number;
  /** received / the leads the team received; null when it received none. */
  share: number | null;
  /** What the routes' strategies lead one to expect; null where the picks depend on the leads (match, lead owner). */
  expected: number | null;
  expectedShare: number | null;
  capacity: { perDay?: WindowUse; perWeek?: WindowUse; maxOpen?: { limit: number; open: number; used: number | null } };
  conversion: Rate | null;
}

export interface TeamMetrics {
  team: string;
  name: string;
  count: number;
  members: number;
  spread: number;
  gini: number;
}

export interface ConversionMetrics {
  field: string;
  overall: Rate;
  byGrade: (Rate & { grade: string })[];
  /** Area under the ROC curve of the score for converted leads; null when either class is empty. */
  auc: number | null;
  /** Leads that have both a score and a known outcome (the AUC's sample). */
  aucLeads: number;
}

export interface Metrics {
  leads: number;
  byStatus: Record<Status, number>;
  capOverflows: number;
  notifications: Record<string, number>;
  owners: OwnerMetrics[];
  teams: TeamMetrics[];
  /** In the order of the flow's grade bands, then any other grade seen. */
  grades: { grade: string; count: number }[];
  score: { count: number; min: number | null; max: number | null; mean: number | null; histogram: Bin[] };
  conversion: ConversionMetrics | null;
}

const key = (team: string, member: string) => `${team}\u0000${member}`;

function gradeOrder(flow: Flow, seen: Iterable<string>): string[] {
  const order: string[] = [];
  for (const node of flow.nodes) {
    for (const field of specOf(node).writes?.(node) ?? []) {
      if (field.role === "grade") for (const name of field.options ?? []) if (!order.includes(name)) order.push(name);
    }
  }
  for (const g of seen) if (!order.includes(g)) order.push(g);
  return order;
}

function windowUse(counts: ReadonlyMap<string, number> | undefined, limit: number): WindowUse {
  let peak = 0,
    peakWindow: string | null = null,
    atLimit = 0;
  for (const [w, n] of counts ?? []) {
    if (n > peak) {
      peak = n;
      peakWindow = w;
    }
    if (n >= limit) atLimit++;
  }
  return { limit, peak, peakWindow, windows: counts?.size ?? 0, atLimit, used: limit > 0 ? peak / limit : null };
}

/** Leads per member id per day and per ISO week (state counts capacity by member id, across teams). */
function windowCounts(flow: Flow, leads: readonly unknown[], result: RunResult): Record<"day" | "week", Map<string, Map<string, number>>> {
  const clock = flowClock(flow);
  const out = { day: new Map<string, Map<string, number>>(), week: new Map<string, Map<string, number>>() };
  result.outcomes.forEach((o, i) => {
    if (o.status !== "assigned" || o.owner === undefined) return;
    const lead = leads[i];
    const time = lead && typeof lead === "object" ? toTime((lead as Record<string, unknown>).createdAt) : Number.NaN;
    if (Number.isNaN(time)) return;
    for (const kind of ["day", "week"] as const satisfies readonly WindowKind[]) {
      const perMember = out[kind].get(o.owner) ?? new Map<string, number>();
      const w = clock.windowKey(time, kind);
      perMember.set(w, (perMember.get(w) ?? 0) + 1);
      out[kind].set(o.owner, perMember);
    }
  });
  return out;
}

function capacityOf(m: Member, received: number, windows: ReturnType<typeof windowCounts>): OwnerMetrics["capacity"] {
  const c = m.capacity;
  const out: OwnerMetrics["capacity"] = {};
  if (c?.perDay !== undefined) out.perDay = windowUse(windows.day.get(m.id), c.perDay);
  if (c?.perWeek !== undefined) out.perWeek = windowUse(windows.week.get(m.id), c.perWeek);
  if (c?.maxOpen !== undefined) {
    const open = (m.openLeads ?? 0) + received;
    out.maxOpen = { limit: c.maxOpen, open, used: c.maxOpen > 0 ? open / c.maxOpen : null };
  }
  return out;
}

/** The known outcome of each lead (true, false or null when unknown), read from `field`. */
function outcomesOf(leads: readonly unknown[], field: string): (boolean | null)[] {
  return leads.map((lead) => {
    if (!lead || typeof lead !== "object" || !Object.prototype.hasOwnProperty.call(lead, field)) return null;
    return toBoolean((lead as Record<string, unknown>)[field]);
  });
}

/** Metrics of one run; `leads` are the leads it ran, in the same order as `result.outcomes`. */
export function computeMetrics(flow: Flow, leads: readonly unknown[], result: RunResult, options: MetricsOptions = {}): Metrics {
  const { summary, outcomes } = result;
  const converted = options.outcomeField ? outcomesOf(leads, options.outcomeField) : null;
  const received = new Map<string, number>();
  const conv = new Map<string, [number, number]>();
  outcomes.forEach((o, i) => {
    if (o.status !== "assigned" || o.owner === undefined || o.team === undefined) return;
    const k = key(o.team, o.owner);
    received.set(k, (received.get(k) ?? 0) + 1);
    const c = converted?.[i];
    if (c === undefined || c === null) return;
    const entry = conv.get(k) ?? [0, 0];
    entry[0]++;
    if (c) entry[1]++;
    conv.set(k, entry);
  });
  const expected = expectedCounts(flow, outcomes);
  const windows = windowCounts(flow, leads, result);
  const owners: OwnerMetrics[] = [];
  for (const team of flow.teams) {
    const teamTotal = team.members.reduce((s, m) => s + (received.get(key(team.id, m.id)) ?? 0), 0);
    const teamExpected = team.members.reduce((s, m) => s + (expected.get(key(team.id, m.id)) ?? 0), 0);
    for (const m of team.members) {
      const k = key(team.id, m.id);
      const count = received.get(k) ?? 0;
      const exp = expected.has(k) ? (expected.get(k) as number | null) : null;
      const c = conv.get(k);
      owners.push({
        team: team.id,
        member: m.id,
        name: m.name,
        active: m.active !== false,
        received: count,
        share: teamTotal > 0 ? count / teamTotal : null,
        expected: exp,
        expectedShare: exp !== null && teamExpected > 0 ? exp / teamExpected : null,
        capacity: capacityOf(m, count, windows),
        conversion: converted ? rateOf(c?.[0] ?? 0, c?.[1] ?? 0) : null,
      });
    }
  }
  const teams = flow.teams.map((t): TeamMetrics => ({
    team: t.id,
    name: t.name,
    ...(summary.byTeam[t.id] ?? { count: 0, members: 0, spread: 0, gini: 0 }),
  }));
  const scores = outcomes.flatMap((o) => (typeof o.score === "number" ? [o.score] : []));
  return {
    leads: summary.leads,
    byStatus: summary.byStatus,
    capOverflows: summary.capOverflows,
    notifications: summary.notifications,
    owners,
    teams,
    grades: gradeOrder(flow, Object.keys(summary.grades)).flatMap((grade) =>
      summary.grades[grade] ? [{ grade, count: summary.grades[grade] }] : [],
    ),
    score: { ...summary.score, histogram: histogram(scores, options.bins) },
    conversion: converted && options.outcomeField ? conversionMetrics(flow, result, converted, options.outcomeField) : null,
  };
}

function conversionMetrics(flow: Flow, result: RunResult, converted: readonly (boolean | null)[], field: string): ConversionMetrics {
  let known = 0,
    yes = 0;
  const byGrade = new Map<string, [number, number]>();
  const scores: number[] = [];
  const labels: boolean[] = [];
  result.outcomes.forEach((o, i) => {
    const c = converted[i];
    if (c === undefined || c === null) return;
    known++;
    if (c) yes++;
    if (o.grade !== undefined && o.grade !== null) {
      const entry = byGrade.get(o.grade) ?? [0, 0];
      entry[0]++;
      if (c) entry[1]++;
      byGrade.set(o.grade, entry);
    }
    if (typeof o.score === "number" && Number.isFinite(o.score)) {
      scores.push(o.score);
      labels.push(c);
    }
  });
  return {
    field,
    overall: rateOf(known, yes),
    byGrade: gradeOrder(flow, byGrade.keys()).flatMap((grade) => {
      const e = byGrade.get(grade);
      return e ? [{ grade, ...rateOf(e[0], e[1]) }] : [];
    }),
    auc: auc(scores, labels),
    aucLeads: scores.length,
  };
}
