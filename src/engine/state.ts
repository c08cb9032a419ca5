// The run state (cursors, weighted values, counters, loads, followed leads) as plain JSON, keyed by ids, never positions.
import type { TrackedLead } from "./life/types";
import type { WindowCount } from "./tally";

export type { WindowCount } from "./tally";

export const STATE_FORMAT = "leadwire.state";

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

const DEEPEST = 1_000;

/**
 * A copy of a state for a run that must not change the caller's. The state is a JSON tree, so plain objects and arrays
 * are copied by hand: a structured clone rebuilds each member-keyed map as an object with hundreds of named properties,
 * which costs several times more and slows every later copy of it. Anything else (a Date in a lead's data) is left to
 * structuredClone, as is a tree too deep to be JSON (a cycle).
 */
export function copyState(input: unknown): unknown {
  try {
    return copyJson(input, 0);
  } catch (error) {
    if (error === TOO_DEEP) return structuredClone(input);
    throw error;
  }
}

const TOO_DEEP = new Error("state too deep to copy as JSON");

function copyJson(value: unknown, depth: number): unknown {
  if (typeof value !== "object" || value === null)
    return typeof value === "function" || typeof value === "symbol" ? structuredClone(value) : value;
  if (depth > DEEPEST) throw TOO_DEEP;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) if (i in value) out[i] = copyJson(value[i], depth + 1);
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const copy = copyJson(source[key], depth + 1);
    // Lead data is user data: a "__proto__" key stays an own property, as JSON.parse and structuredClone keep it.
    if (key === "__proto__") Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
    else out[key] = copy;
  }
  return out;
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

/** A run's member counters while it holds them outside the JSON (src/engine/member-book.ts). */
export interface LiveMembers {
  releaseOpen(memberId: string): void;
}

const live = new WeakMap<FlowState, LiveMembers>();

/** While a run holds `state`'s member counters, changes go to `members`; `null` hands them back to the JSON. */
export function holdMembers(state: FlowState, members: LiveMembers | null): void {
  if (members) live.set(state, members);
  else live.delete(state);
}

/** Takes a lead out of a member's open leads (it was converted, closed or reassigned); the day's capacity stays used. */
export function releaseOpenLead(state: FlowState, memberId: string): void {
  const members = live.get(state);
  if (members) return members.releaseOpen(memberId);
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
