// What the time-ordered run takes and returns (spec §9 "Running with time"), apart from the run itself.
import type { Flow, FlowNode } from "../document/schema";
import type { LeadEvent } from "../events/parse";
import type { SuppliedEvents } from "../events/supplied";
import type { Lang, MessageParams } from "../i18n";
import type { BoundNode } from "../node-spec";
import type { Outcome } from "../outcome";
import type { FlowState } from "../state";

/** A problem with an event or a lead that the run reports and goes on (never a crash). */
export interface RunWarning {
  readonly code: string;
  readonly params: MessageParams;
  readonly message: string;
  readonly event?: string;
  readonly lead?: string;
}

export interface TimedNode {
  readonly node: FlowNode;
  readonly next: Readonly<Record<string, number>>;
}

/** One out port: how many leads left by it in this run, and the index of the node its edge leads to (-1: none). */
export interface PortSlot {
  count: number;
  readonly next: number;
}

export interface TimedInput {
  readonly flow: Flow;
  readonly nodes: readonly TimedNode[];
  readonly triggers: readonly number[];
  readonly bound: readonly BoundNode[];
  readonly slots: Record<string, PortSlot>[];
  readonly enteredCounts: number[];
  readonly state: FlowState;
  readonly now: number;
  readonly traced: boolean;
  readonly lang: Lang;
  readonly leads: readonly unknown[];
  readonly times: Float64Array;
  readonly special: readonly ({ id: string; data: Record<string, unknown>; warnings: string[]; error?: string } | undefined)[];
  /** Lead indices in processing order (createdAt, ties in input order). */
  readonly order: readonly number[];
  readonly events: readonly LeadEvent[];
  /** Events asked for as leads get owners (RunOptions.eventsOnAssign); at one instant after `events`. */
  readonly supplied?: SuppliedEvents;
  readonly retentionMs: number;
  /**
   * Every lead of the run is entered, also those dated after `now` (after the events up to `now`): a flow without a
   * step that makes leads wait routes a batch whatever its dates, with events or without.
   */
  readonly allLeadsDue?: boolean;
}

export interface TimedOutput {
  readonly outcomes: Outcome[];
  readonly warnings: RunWarning[];
  readonly notDue: { leads: string[]; events: string[] };
}
