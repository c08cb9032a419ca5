// The service router's words: the leads and flow it routes, its options, and the report of each batch it commits.
import type { CompiledFlow, Lang, Outcome } from "../../engine";
import type { BatchWrite, StateStore } from "../store/types";

/** A lead the service accepted: a plain object with a non-empty string id (see validate-body). */
export type ServiceLead = Readonly<Record<string, unknown>> & { readonly id: string };

/** The flow the service routes with; swapped as a whole between batches. */
export interface ActiveFlow {
  readonly id: string;
  readonly compiled: CompiledFlow;
}

export interface RouteOptions {
  /** Include each fresh outcome's trace (a replayed outcome has none: only the first run's result is kept). */
  trace?: boolean;
  /** Reference time for leads without createdAt; default the time the batch starts. */
  now?: string | number;
}

export interface BatchReport {
  readonly flowId: string;
  /** Leads in the batch, including repeats and ids routed before. */
  readonly leads: number;
  /** Outcomes this batch routed (without trace), in request order; all but `error` ones are committed. */
  readonly fresh: readonly Outcome[];
  readonly replayed: number;
  readonly capOverflows: number;
  readonly attempts: number;
  /** Times the batch waited for another process's lease on the flow. */
  readonly waits: number;
  readonly ms: number;
  /** Events or timers changed these leads (not routed anew: not counted as routed leads). */
  readonly timed?: boolean;
  /** The batch was handed to the process holding the flow's lease, which decided, committed and counted it. */
  readonly forwarded?: boolean;
}

export interface RouterOptions {
  store: StateStore;
  flow: () => ActiveFlow;
  lang?: Lang;
  /** A batch takes whole requests until it holds at least this many leads. */
  maxBatchLeads?: number;
  /** Time one batch's conditions may take in all (default 250 ms); leads reached later end `error`, not stored, so a resend routes them. */
  batchBudgetMs?: number;
  /** Days a followed lead without pending timers is kept (the engine's retentionDays). */
  retentionDays?: number;
  /**
   * Follow the leads of a flow without a follow_up step too (each lead run is given events, so the engine keeps its
   * owned leads): `POST /v1/events` then applies to them and a close releases load. Off by default: a plain flow's leads
   * leave nothing per lead in the store.
   */
  followLeads?: boolean;
  /** Called after each committed batch (metrics, notifications); its errors never reach the requests. */
  onBatch?: (report: BatchReport) => void;
}

/** What a batch writes, with what the router needs after it. */
export interface Routed extends BatchWrite {
  /** The outcomes as the engine returned them (with trace when the batch was traced). */
  readonly full: ReadonlyMap<string, Outcome>;
  readonly capOverflows: number;
}
