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
  const names = new Map<string, string>();
  for (const team of flow.teams) for (const m of team.members) names.set(`${team.id}\u0000${m.id}`, m.name);
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
  for (const team of flow.teams) {
    const counts = team.members
      .filter((m) => m.active !== false)
      .map((m) => (byOwner[m.id]?.team === team.id ? (byOwner[m.id]?.count ?? 0) : 0));
    byTeam[team.id] = {
      count: counts.reduce((a, b) => a + b, 0),
      members: counts.length,
      spread: counts.length ? Math.max(...counts) - Math.min(...counts) : 0,
      gini: gini(counts),
    };
  }
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
