// The messages between the designer and the simulation worker, and the result of a simulation as a value (never a throw).
import type { RunResult, Lang, Outcome, TraceLine, Issue, OwnerEntry, TimelineEntry } from "../engine";
import type { CurvePoint } from "./response-model";

export interface SimulationOptions {
  /** A state saved from an earlier run (plain JSON); the run starts from it. */
  state?: unknown;
  /** Reference time for leads without createdAt (ISO text or ms); default the flow's referenceTime, else the moment the run starts. */
  now?: string | number;
  /** Include each lead's trace in plain words (the designer does). Through the worker, traces (and followed leads' owners and timelines) stay there: ask with `trace`. */
  trace?: boolean;
  lang?: Lang;
  /** Leads per chunk; progress and cancel happen between chunks. Default 5,000. */
  chunkSize?: number;
  /**
   * Flows with a follow-up step: events of the real world (an imported file, raw rows or parsed events), which replace
   * the response model for the leads they name; the outcome field and the assumption curve for the model's outcomes.
   */
  events?: readonly unknown[];
  followUp?: { outcomeField?: string; curve?: readonly CurvePoint[] | null; model?: boolean };
}

export interface SimulationProgress {
  done: number;
  total: number;
  /** Average since the run started. */
  leadsPerSecond: number;
  elapsedMs: number;
}

export type SimulationResult =
  /** The run finished: `result` is exactly what one `compileFlow(flow).run(leads)` returns. */
  | { kind: "done"; result: RunResult; warnings: Issue[]; elapsedMs: number; leadsPerSecond: number }
  /** No leads were given: not an error; `result` is the empty run (zero totals, the state unchanged). */
  | { kind: "empty"; result: RunResult; warnings: Issue[]; message: string }
  /** The flow has validation errors (or is not a flow document): nothing ran; `issues` point to nodes. */
  | { kind: "invalid"; issues: Issue[]; message: string }
  /** Cancel arrived; partial results are dropped. */
  | { kind: "cancelled"; done: number; total: number; message: string }
  /** Something unexpected (a bad saved state, a bad `now`, the worker could not start). */
  | { kind: "failed"; message: string };

/** A chunk's outcomes (without traces, owners and timelines when traced), in processing order: outcome k belongs to lead `at[k]`, or `from + k` when leads were in order. */
export interface OutcomeSlice {
  from: number;
  at?: Int32Array;
  outcomes: Outcome[];
}

/** A finished run as it crosses back: its outcomes came before, in the slices of the progress messages. */
export type WireResult =
  | Exclude<SimulationResult, { kind: "done" }>
  | (Omit<Extract<SimulationResult, { kind: "done" }>, "result"> & { result: Omit<RunResult, "outcomes"> });

/** One lead's trace, kept by the worker for the newest finished run only; with a follow-up step, its owners and timeline too. */
export type TraceAnswer =
  | { kind: "trace"; trace: TraceLine[]; owners?: OwnerEntry[]; timeline?: TimelineEntry[] }
  /** The run is not the newest finished one (or ran without traces), or there is no such lead. */
  | { kind: "gone"; message: string };

/** A followed lead's owners and timeline (flows with a follow-up step), kept by the worker with the traces. */
export interface Story {
  readonly owners: OwnerEntry[];
  readonly timeline: TimelineEntry[];
}

/** Every lead's story in input order (null: the outcome kept its own, or has none), for the JSON export. */
export type StoriesAnswer = { kind: "stories"; stories: (Story | null)[] } | { kind: "gone"; message: string };

/** The first trace line of every lead (the CSV's `trace` column), in input order; "" for a lead without one. */
export type FirstLinesAnswer = { kind: "lines"; lines: string[] } | { kind: "gone"; message: string };

export type SimulationRequest =
  | { type: "run"; runId: number; flow: unknown; leads: readonly unknown[]; options: SimulationOptions }
  | { type: "cancel"; runId: number }
  | { type: "trace"; runId: number; requestId: number; lead: number; lang: Lang }
  | { type: "first-lines"; runId: number; requestId: number; lang: Lang }
  | { type: "stories"; runId: number; requestId: number; lang: Lang };

export type SimulationResponse =
  | { type: "progress"; runId: number; progress: SimulationProgress; slice: OutcomeSlice }
  | { type: "result"; runId: number; result: WireResult }
  | { type: "trace"; runId: number; requestId: number; answer: TraceAnswer }
  | { type: "first-lines"; runId: number; requestId: number; answer: FirstLinesAnswer }
  | { type: "stories"; runId: number; requestId: number; answer: StoriesAnswer };

/** What the worker side needs of its global scope (a DedicatedWorkerGlobalScope, or a stand-in in tests). */
export interface WorkerScope {
  onmessage: ((event: { data: SimulationRequest }) => void) | null;
  postMessage(message: SimulationResponse): void;
}

/** What the main thread needs of a Worker (a real one, or the in-process stand-in). */
export interface WorkerLike {
  onmessage: ((event: { data: SimulationResponse }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  postMessage(message: SimulationRequest): void;
  terminate(): void;
}
