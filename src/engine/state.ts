// The run state (cursors, weighted values, counters, loads, followed leads) as plain JSON, keyed by ids, never positions.
import type { TrackedLead } from "./life/types";

export const STATE_FORMAT = "leadwire.state";

/**
 * A count per window: `n` in the newest window `w` (e.g. "2026-11-23"), and in `past` the few windows before it,
 * so a late lead from yesterday counts against yesterday, never resetting today's count.
 */
export interface WindowCount {
  w: string;
  n: number;
  past?: Record<string, number>;
}

/** How many earlier windows a count remembers for late leads. */
const PAST_WINDOWS = 7;

export interface MemberState {
  /** Leads assigned today / this week, in the flow's time zone (capacity.perDay / perWeek). */
  day?: WindowCount;
  week?: WindowCount;
  /** Leads assigned by this flow and not released; added to the roster's openLeads for load and maxOpen. */
  assigned?: number;
}

export interface FlowState {
  format: typeof STATE_FORMAT;
  version: 1;
  /** Each node type keeps its own JSON shape under its node id. */
  nodes: Record<string, Record<string, unknown>>;
  members: Record<string, MemberState>;
  /** Flows with a follow_up step: the leads the flow still follows (waiting, with tasks, or open to events), by lead id. */
  leads?: Record<string, TrackedLead>;
  /** Flows with a follow_up step: how many leads were followed so far (orders timers due at the same instant). */
  seq?: number;
}

export function emptyState(): FlowState {
  return { format: STATE_FORMAT, version: 1, nodes: {}, members: {} };
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Reads a keyed entry without ever touching inherited properties. */
export function own<T>(map: Record<string, T>, key: string): T | undefined {
  return hasOwn.call(map, key) ? map[key] : undefined;
}

export function countIn(entry: WindowCount | undefined, window: string): number {
  if (!entry) return 0;
  if (entry.w === window) return entry.n;
  return (entry.past && own(entry.past, window)) ?? 0;
}

/** Adds to a window's count. Window keys sort as text in time order (2026-03-02, 2026-W10, 2026-03-02T09). */
export function bump(entry: WindowCount | undefined, window: string, by: number): WindowCount {
  if (!entry) return { w: window, n: Math.max(0, by) };
  if (entry.w === window) {
    entry.n = Math.max(0, entry.n + by);
  } else if (window > entry.w) {
    const past = (entry.past ??= {});
    past[entry.w] = entry.n;
    const keys = Object.keys(past).sort();
    for (const old of keys.slice(0, Math.max(0, keys.length - PAST_WINDOWS))) delete past[old];
    entry.w = window;
    entry.n = Math.max(0, by);
  } else {
    const past = (entry.past ??= {});
    past[window] = Math.max(0, (own(past, window) ?? 0) + by);
  }
  return entry;
}

/** Accepts a state from JSON (a saved file, Redis); anything unrecognisable starts fresh rather than crash a run. */
export function normaliseState(input: unknown): FlowState {
  if (!input || typeof input !== "object") return emptyState();
  const s = input as Partial<FlowState>;
  if (s.format !== STATE_FORMAT) throw new Error(`Not a Leadwire state: "format" must be "${STATE_FORMAT}".`);
  const state: FlowState = {
    format: STATE_FORMAT,
    version: 1,
    nodes: s.nodes && typeof s.nodes === "object" ? s.nodes : {},
    members: s.members && typeof s.members === "object" ? s.members : {},
  };
  if (s.leads && typeof s.leads === "object") state.leads = s.leads;
  if (typeof s.seq === "number") state.seq = s.seq;
  return state;
}

export function nodeState<T extends Record<string, unknown>>(state: FlowState, nodeId: string, init: () => T): T {
  const existing = own(state.nodes, nodeId);
  if (existing) return existing as T;
  const fresh = init();
  state.nodes[nodeId] = fresh;
  return fresh;
}

/** Takes a lead out of a member's open leads (it was converted, closed or reassigned); the day's capacity stays used. */
export function releaseOpenLead(state: FlowState, memberId: string): void {
  const ms = memberState(state, memberId);
  ms.assigned = Math.max(0, (ms.assigned ?? 1) - 1);
}

export function memberState(state: FlowState, memberId: string): MemberState {
  const existing = own(state.members, memberId);
  if (existing) return existing;
  const fresh: MemberState = {};
  state.members[memberId] = fresh;
  return fresh;
}
