// The totals of a run (spec §7): by status, owner, team (spread, Gini), node, edge, cap overflows, channels, grades.
import type { Flow } from "./document/schema";
import type { FollowUpFigures } from "./life/figures";
import type { Outcome, Status } from "./outcome";
import { portOf } from "./graph";
import { specOf } from "./specs";

export interface OwnerTotal {
  team: string;
  name: string;
  count: number;
  followUp?: FollowUpFigures;
}
export interface TeamTotal {
  count: number;
  members: number;
  spread: number;
  gini: number;
}

export interface Summary {
  leads: number;
  /** `waiting` appears only for flows with a follow_up step. */
  byStatus: Record<Status, number> & { waiting?: number };
  byOwner: Record<string, OwnerTotal>;
  byTeam: Record<string, TeamTotal>;
  /** Leads that entered each node, and how many left by each port. */
  nodes: Record<string, { in: number; out: Record<string, number> }>;
  edges: Record<string, number>;
  capOverflows: number;
  notifications: Record<string, number>;
  grades: Record<string, number>;
  score: { count: number; min: number | null; max: number | null; mean: number | null };
  /** Flows with a follow_up step (spec §9): follow-up figures over the leads this run returned. */
  followUp?: FollowUpFigures;
}

/** Gini coefficient of non-negative counts: 0 when all equal, towards 1 when one member gets everything. */
export function gini(values: readonly number[]): number {
  const n = values.length;
  const total = values.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  let weighted = 0;
  sorted.forEach((v, i) => {
    weighted += (2 * (i + 1) - n - 1) * v;
  });
  return weighted / (n * total);
}

/** A team's active members (with how often each id is listed) and how many entries that is. */
interface ActiveRoster {
  readonly ids: ReadonlyMap<string, number>;
  readonly size: number;
}

/**
 * What the totals need of the roster, built once per flow: a run in the service decides a handful of leads, and walking a
 * 500-member roster for each of its summaries cost more than deciding the leads.
 */
const rosterCache = new WeakMap<Flow["teams"], { names: Map<string, string>; rosters: Map<string, ActiveRoster> }>();
function rosterOf(flow: Flow) {
  let found = rosterCache.get(flow.teams);
  if (!found) {
    const names = new Map<string, string>();
    const rosters = new Map<string, ActiveRoster>();
    for (const team of flow.teams) {
      for (const m of team.members) names.set(`${team.id}\u0000${m.id}`, m.name);
      const ids = new Map<string, number>();
      let size = 0;
      for (const m of team.members)
        if (m.active !== false) {
          ids.set(m.id, (ids.get(m.id) ?? 0) + 1);
          size++;
        }
      rosters.set(team.id, { ids, size });
    }
    found = { names, rosters };
    rosterCache.set(flow.teams, found);
  }
  return found;
}

/**
 * A team's total, spread and Gini over its active members, members without leads counting 0. Only the owners that got
 * leads are visited: the zeros sort first and add nothing to Gini's sum, so the figures equal those of the full list.
 */
function teamTotal(teamId: string, roster: ActiveRoster, byOwner: Record<string, OwnerTotal>): TeamTotal {
  const values: number[] = [];
  for (const owner in byOwner) {
    const entry = byOwner[owner] as OwnerTotal;
    const times = entry.team === teamId ? roster.ids.get(owner) : undefined;
    for (let k = 0; k < (times ?? 0); k++) values.push(entry.count);
  }
  const n = roster.size;
  values.sort((a, b) => a - b);
  let total = 0;
  for (const v of values) total += v;
  const lowest = values.length < n ? 0 : (values[0] ?? 0);
  const highest = values.length > 0 ? (values[values.length - 1] as number) : 0;
  let weighted = 0;
  const zeros = n - values.length;
  values.forEach((v, j) => {
    weighted += (2 * (zeros + j + 1) - n - 1) * v;
  });
  return {
    count: total,
    members: n,
    spread: n > 0 ? highest - lowest : 0,
    gini: n === 0 || total === 0 ? 0 : weighted / (n * total),
  };
}

export function summarise(
  flow: Flow,
  outcomes: readonly Outcome[],
  ports: ReadonlyMap<string, Record<string, number>>,
  entered: ReadonlyMap<string, number>,
): Summary {
  const byStatus: Summary["byStatus"] = { assigned: 0, filtered: 0, unassigned: 0, no_trigger: 0, error: 0 };
  const byOwner: Record<string, OwnerTotal> = {};
  const grades: Record<string, number> = {};
  const notifications: Record<string, number> = {};
  let scoreCount = 0,
    scoreSum = 0,
    min = Number.POSITIVE_INFINITY,
    max = Number.NEGATIVE_INFINITY;
  const { names, rosters } = rosterOf(flow);
  for (const o of outcomes) {
    byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    if (o.owner !== undefined && o.team !== undefined) {
      const entry = (byOwner[o.owner] ??= { team: o.team, name: names.get(`${o.team}\u0000${o.owner}`) ?? o.owner, count: 0 });
      entry.count++;
    }
    if (o.grade !== undefined && o.grade !== null) grades[o.grade] = (grades[o.grade] ?? 0) + 1;
    if (typeof o.score === "number") {
      scoreCount++;
      scoreSum += o.score;
      if (o.score < min) min = o.score;
      if (o.score > max) max = o.score;
    }
    for (const n of o.notifications) notifications[n.channel] = (notifications[n.channel] ?? 0) + 1;
  }
  const byTeam: Record<string, TeamTotal> = {};
  for (const team of flow.teams) byTeam[team.id] = teamTotal(team.id, rosters.get(team.id) as ActiveRoster, byOwner);
  const nodes: Summary["nodes"] = {};
  let capOverflows = 0;
  for (const node of flow.nodes) {
    const out = ports.get(node.id) ?? {};
    nodes[node.id] = { in: entered.get(node.id) ?? 0, out: { ...out } };
    for (const port of specOf(node).overflowPorts ?? []) capOverflows += out[port] ?? 0;
  }
  const edges: Record<string, number> = {};
  for (const edge of flow.edges) edges[edge.id] = ports.get(edge.source)?.[portOf(edge)] ?? 0;
  return {
    leads: outcomes.length,
    byStatus,
    byOwner,
    byTeam,
    nodes,
    edges,
    capOverflows,
    notifications,
    grades,
    score: {
      count: scoreCount,
      min: scoreCount ? min : null,
      max: scoreCount ? max : null,
      mean: scoreCount ? scoreSum / scoreCount : null,
    },
  };
}
