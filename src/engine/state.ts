// The run state (cursors, weighted values, counters, loads) as plain JSON, keyed by node and member ids, never positions.
export const STATE_FORMAT = "leadwire.state";

/** A count inside one window (`w` is the window key, e.g. "2026-11-23"); a lead in a later window starts it anew. */
export interface WindowCount {
  w: string;
  n: number;
}

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
  return entry && entry.w === window ? entry.n : 0;
}

export function bump(entry: WindowCount | undefined, window: string, by: number): WindowCount {
  if (!entry || entry.w !== window) return { w: window, n: Math.max(0, by) };
  entry.n = Math.max(0, entry.n + by);
  return entry;
}

/** Accepts a state from JSON (a saved file, Redis); anything unrecognisable starts fresh rather than crash a run. */
export function normaliseState(input: unknown): FlowState {
  if (!input || typeof input !== "object") return emptyState();
  const s = input as Partial<FlowState>;
  if (s.format !== STATE_FORMAT) throw new Error(`Not a Leadwire state: "format" must be "${STATE_FORMAT}".`);
  return {
    format: STATE_FORMAT,
    version: 1,
    nodes: s.nodes && typeof s.nodes === "object" ? s.nodes : {},
    members: s.members && typeof s.members === "object" ? s.members : {},
  };
}

export function nodeState<T extends Record<string, unknown>>(state: FlowState, nodeId: string, init: () => T): T {
  const existing = own(state.nodes, nodeId);
  if (existing) return existing as T;
  const fresh = init();
  state.nodes[nodeId] = fresh;
  return fresh;
}

export function memberState(state: FlowState, memberId: string): MemberState {
  const existing = own(state.members, memberId);
  if (existing) return existing;
  const fresh: MemberState = {};
  state.members[memberId] = fresh;
  return fresh;
}
