// Two runs on the same leads side by side (two flows, or a flow and a saved version): leads that changed, and distribution deltas.
import { type RunResult, STATUSES, type Outcome, type OutcomeStatus, type Status } from "../engine";

export interface LeadSide {
  status: OutcomeStatus;
  owner?: string;
  team?: string;
  grade?: string | null;
}

export interface LeadChange {
  id: string;
  /** The lead's place in the `before` run. */
  index: number;
  before: LeadSide;
  after: LeadSide;
  /** What differs: the owner (or its team), the status, or both. */
  changed: ("owner" | "status")[];
}

export interface Delta {
  before: number;
  after: number;
  delta: number;
}

export interface Comparison {
  /** Leads found in both runs. */
  paired: number;
  changed: LeadChange[];
  /** Ids in one run only (when the lead lists were not the same). */
  onlyBefore: string[];
  onlyAfter: string[];
  statuses: Record<Status, Delta>;
  /** Every owner either run assigned to, in the before run's order, then the after run's new ones. */
  owners: (Delta & { owner: string; name: string; team: string })[];
  grades: (Delta & { grade: string })[];
}

function side(o: Outcome): LeadSide {
  const s: LeadSide = { status: o.status };
  if (o.owner !== undefined) s.owner = o.owner;
  if (o.team !== undefined) s.team = o.team;
  if (o.grade !== undefined) s.grade = o.grade;
  return s;
}

const delta = (before: number, after: number): Delta => ({ before, after, delta: after - before });

/** Pairs outcomes by position when both runs list the same ids in the same order (duplicates included), else by id. */
function pairs(
  before: readonly Outcome[],
  after: readonly Outcome[],
): { matched: [number, Outcome, Outcome][]; onlyBefore: string[]; onlyAfter: string[] } {
  if (before.length === after.length && before.every((o, i) => o.id === after[i]?.id)) {
    return { matched: before.map((o, i) => [i, o, after[i] as Outcome]), onlyBefore: [], onlyAfter: [] };
  }
  const byId = new Map<string, Outcome>();
  for (const o of after) if (!byId.has(o.id)) byId.set(o.id, o);
  const seen = new Set<string>();
  const matched: [number, Outcome, Outcome][] = [];
  const onlyBefore: string[] = [];
  before.forEach((o, i) => {
    const other = seen.has(o.id) ? undefined : byId.get(o.id);
    seen.add(o.id);
    if (other) matched.push([i, o, other]);
    else onlyBefore.push(o.id);
  });
  const onlyAfter = [...byId.keys()].filter((id) => !seen.has(id));
  return { matched, onlyBefore, onlyAfter };
}

export function compareRuns(before: RunResult, after: RunResult): Comparison {
  const { matched, onlyBefore, onlyAfter } = pairs(before.outcomes, after.outcomes);
  const changed: LeadChange[] = [];
  for (const [index, b, a] of matched) {
    const what: LeadChange["changed"] = [];
    if (b.owner !== a.owner || b.team !== a.team) what.push("owner");
    if (b.status !== a.status) what.push("status");
    if (what.length) changed.push({ id: b.id, index, before: side(b), after: side(a), changed: what });
  }
  const statuses = Object.fromEntries(STATUSES.map((s) => [s, delta(before.summary.byStatus[s], after.summary.byStatus[s])])) as Record<
    Status,
    Delta
  >;
  const ownerIds = [...new Set([...Object.keys(before.summary.byOwner), ...Object.keys(after.summary.byOwner)])];
  const owners = ownerIds.map((owner) => {
    const b = before.summary.byOwner[owner];
    const a = after.summary.byOwner[owner];
    return { owner, name: (a ?? b)?.name ?? owner, team: (a ?? b)?.team ?? "", ...delta(b?.count ?? 0, a?.count ?? 0) };
  });
  const gradeNames = [...new Set([...Object.keys(before.summary.grades), ...Object.keys(after.summary.grades)])];
  const grades = gradeNames.map((grade) => ({ grade, ...delta(before.summary.grades[grade] ?? 0, after.summary.grades[grade] ?? 0) }));
  return { paired: matched.length, changed, onlyBefore, onlyAfter, statuses, owners, grades };
}
