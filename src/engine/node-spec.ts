// What every node type provides to the engine: config schema, defaults, ports, executor, validation and texts.
import type { z } from "zod";
import type { FieldInfo } from "./conditions/compile";
import type { LeadEvent } from "./events/parse";
import type { TaskState } from "./life/types";
import type { Edge, FieldDef, Flow, FlowNode, NodeOf, NodeType, Team } from "./document/schema";
import type { Lang, MessageParams, MessageTable } from "./i18n";
import type { LeadRun } from "./lead-run";
import type { FlowState } from "./state";
import type { Clock } from "./time";

export type Severity = "error" | "warning";

export interface IssueDraft {
  readonly severity: Severity;
  readonly code: string;
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
}

/** The port a node that holds leads (follow_up) returns to make the lead wait; the run keeps it in the state. */
export const WAIT = "\u0000wait";

/** What wakes a waiting lead: an event about it, or its own timer (a reminder or the deadline). */
export type WakeSignal = { readonly kind: "event"; readonly event: LeadEvent } | { readonly kind: "timer"; readonly at: number };

/** A node bound to one run's state. `step` returns the out port the lead leaves by (a trigger returns null to decline). */
export interface BoundNode {
  readonly step: (lead: LeadRun) => string | null;
  /** Owner-scoped caps answer whether an owner is at the limit for a lead's time (routes ask before picking). */
  readonly ownerLimit?: (ownerId: string, time: number) => { count: number; limit: number } | null;
  /** Nodes that hold leads: the port a waiting lead leaves by, WAIT to keep waiting, or null when the wait ends by no port. */
  readonly wake?: (lead: LeadRun, signal: WakeSignal) => string | null;
  /** Nodes that hold leads: a due cadence task (sets `task.next` to the step after, Infinity when done). */
  readonly task?: (lead: LeadRun, task: TaskState, at: number) => void;
}

export interface BindOptions {
  /** The run's language, for texts a node writes into messages (default reminder and task texts). */
  readonly lang: Lang;
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
  readonly writes?: (node: NodeOf<T>) => { key: string; type: FieldDef["type"] }[];
  /** True for a node where leads wait for events and timers (follow_up): a flow with one runs on the time-ordered loop. */
  readonly holdsLeads?: boolean;
  readonly messages: MessageTable;
}

export type NodeRegistry = { readonly [T in NodeType]: NodeSpec<T> };
