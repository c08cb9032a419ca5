// What every node type provides to the engine: config schema, defaults, ports, executor, validation and texts.
import type { z } from "zod";
import type { FieldInfo } from "./conditions/compile";
import type { LeadEvent } from "./events/parse";
import type { TaskState } from "./life/types";
import type { Edge, FieldDef, Flow, FlowNode, NodeOf, NodeType, Team } from "./document/schema";
import type { Status } from "./outcome";
import type { EngineCode, Lang, MessageParams } from "./i18n";
import type { LeadRun } from "./lead-run";
import type { MemberBook } from "./member-book";
import type { FlowState } from "./state";
import type { Clock } from "./time";

export type Severity = "error" | "warning";

export interface IssueDraft {
  readonly severity: Severity;
  readonly code: EngineCode;
  readonly params?: MessageParams;
  readonly nodeId?: string;
  readonly edgeId?: string;
  /** JSON path inside the document, e.g. `$.nodes[2].config.conditions.rules[0].value`. */
  readonly path?: string;
}

export interface CompileContext {
  readonly flow: Flow;
  readonly fields: FieldInfo;
  readonly teams: ReadonlyMap<string, Team>;
  readonly clock: Clock;
  readonly seed: number;
  /** The node a port's edge leads to, if any. */
  readonly next: (nodeId: string, port: string) => FlowNode | undefined;
  /** Every node a lead can reach after this one. */
  readonly downstream: (nodeId: string) => readonly FlowNode[];
  /** Whether a node looks at the lead's fields (its spec's `readsLeadFields`, true unless it says otherwise). */
  readonly readsLeadFields: (node: FlowNode) => boolean;
}

/** The port a node that holds leads (follow_up) returns to make the lead wait; the run keeps it in the state. */
export const WAIT = "\u0000wait";

/** What wakes a waiting lead: an event about it, or its own timer (a reminder or the deadline). */
export type WakeSignal = { readonly kind: "event"; readonly event: LeadEvent } | { readonly kind: "timer"; readonly at: number };

/** A node bound to one run's state. `step` returns the out port the lead leaves by (a trigger returns null to decline). */
export interface BoundNode {
  readonly step: (lead: LeadRun) => string | null;
  /**
   * Owner-scoped caps answer whether an owner is at the limit for a lead's time (routes ask before picking), with the key
   * of the window that time falls in. Within a run an owner's count in a window never goes down, so an owner at the limit
   * stays there for that window (routes rely on it to ask once per member and window).
   */
  readonly ownerLimit?: (ownerId: string, time: number) => { count: number; limit: number; window: string } | null;
  /** Nodes that hold leads: the port a waiting lead leaves by, WAIT to keep waiting, or null when the wait ends by no port. */
  readonly wake?: (lead: LeadRun, signal: WakeSignal) => string | null;
  /** Nodes that hold leads: a due cadence task (sets `task.next` to the step after, Infinity when done). */
  readonly task?: (lead: LeadRun, task: TaskState, at: number) => void;
  /** Writes what the node kept in arrays during the run back into the plain-JSON state (called once, after the last lead). */
  readonly finish?: () => void;
}

export interface BindOptions {
  /** The run's language, for texts a node writes into messages (default reminder and task texts). */
  readonly lang: Lang;
  /** The run's member counters by slot (capacity and open leads), shared by every node that assigns owners. */
  readonly members: MemberBook;
}

export interface NodeExecutor {
  readonly bind: (state: FlowState, peers: (nodeId: string) => BoundNode | undefined, options: BindOptions) => BoundNode;
}

export interface ValidateContext {
  readonly flow: Flow;
  readonly fields: ReadonlyMap<string, FieldDef>;
  readonly teams: ReadonlyMap<string, Team>;
  /** `$.nodes[i]` of the node being checked. */
  readonly path: string;
  /** True when every path from a trigger to this node carries an owner (a route's `assigned` port precedes it). */
  readonly ownerAssured: boolean;
  readonly edgesFrom: (nodeId: string) => readonly Edge[];
}

export interface NodeSpec<T extends NodeType> {
  readonly type: T;
  readonly configSchema: z.ZodType<NodeOf<T>["config"]>;
  readonly defaults: () => NodeOf<T>["config"];
  readonly ports: { readonly in: readonly string[]; readonly out: readonly string[] };
  readonly compile: (node: NodeOf<T>, ctx: CompileContext) => NodeExecutor;
  readonly validate?: (node: NodeOf<T>, ctx: ValidateContext) => IssueDraft[];
  /** Lead fields this node writes (score → score, grade), so later conditions on them are known fields. */
  readonly writes?: (node: NodeOf<T>) => WrittenField[];
  /** True for a node where leads wait for events and timers (follow_up): a flow with one runs on the time-ordered loop. */
  readonly holdsLeads?: boolean;

  // What shared code asks about a node, answered by the node itself (no shared code names a node type).

  /** The status of a lead whose walk ends on `port` without an owner (a filter's `fail` → `filtered`); default `unassigned`. */
  readonly endStatus?: (port: string) => Status | undefined;
  /** Whether a lead leaving by `port` has an owner, given whether it had one on arrival; default: unchanged. */
  readonly ownerAfter?: (node: NodeOf<T>, port: string, had: boolean) => boolean;
  /** Out ports whose leads the summary counts as cap overflows. */
  readonly overflowPorts?: readonly string[];
  /** Whether the node looks at the lead's fields (so an earlier score must hand it what it wrote); default true. */
  readonly readsLeadFields?: (node: NodeOf<T>) => boolean;
  /** Follows a renamed team or member id in the node's config (a mutable draft), so no reference is left dangling. */
  readonly renameRef?: (config: NodeOf<T>["config"], ref: RenamedRef) => void;
  /** The team the node assigns owners from, if it does. */
  readonly assignsFrom?: (node: NodeOf<T>) => string | undefined;
  /** Values the node's decisions look for in lead fields, beyond its conditions (sample leads should contain them). */
  readonly sampleHints?: (node: NodeOf<T>, teams: ReadonlyMap<string, Team>) => SampleHint[];
  /** The share of `leads` each member of `team` should get from this node; null when it depends on the leads. */
  readonly expectedShare?: (node: NodeOf<T>, team: Team, leads: number) => ReadonlyMap<string, number> | null;
}

/** A team id changed, or a member id within `team`. */
export type RenamedRef = { readonly kind: "team" | "member"; readonly team: string; readonly from: string; readonly to: string };

/** A lead field a node writes; `role` marks the score and the grade, `options` the grade names in band order. */
export interface WrittenField {
  readonly key: string;
  readonly type: FieldDef["type"];
  readonly role?: "score" | "grade";
  readonly options?: readonly string[];
}

/** Values a lead field should take in sample leads (`mentioned`), or member ids/emails a lead owner field names (`owners`). */
export interface SampleHint {
  readonly field: string;
  readonly mentioned?: readonly (string | number)[];
  readonly owners?: readonly string[];
}

export type NodeRegistry = { readonly [T in NodeType]: NodeSpec<T> };
