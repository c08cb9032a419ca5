// The state store contract: one atomic "read state and known outcomes, route the rest, write both" step per micro-batch.
import type { Outcome, FlowState } from "../../engine";

/** What a batch writes: the state after routing and the outcomes of the leads it routed (stored without trace). */
export interface BatchWrite {
  readonly state: FlowState;
  readonly outcomes: ReadonlyMap<string, Outcome>;
}

/**
 * Decides a batch from what the store holds. It must be pure: on a write conflict the store calls it again
 * with fresher data. Returning null means there is nothing to write (every lead was routed before).
 */
export type BatchDecision<T extends BatchWrite> = (state: FlowState | undefined, known: ReadonlyMap<string, Outcome>) => T | null;

export interface TransactResult<T extends BatchWrite> {
  /** Outcomes already stored for the batch's ids before this batch (first outcome wins). */
  readonly known: ReadonlyMap<string, Outcome>;
  /** What this batch committed, or null when it committed nothing. */
  readonly written: T | null;
  /** 1 when the first try committed; each write conflict adds one. */
  readonly attempts: number;
  /** The state's version after the batch (it grows by one per committed write). */
  readonly version: number;
}

export interface StoredState {
  readonly state: FlowState | undefined;
  readonly version: number;
}

export interface StateStore {
  readonly kind: "memory" | "redis";
  /** Atomically reads the state and the stored outcomes of `ids`, calls `decide`, and commits its write (retrying on conflict). */
  transact<T extends BatchWrite>(flowId: string, ids: readonly string[], decide: BatchDecision<T>): Promise<TransactResult<T>>;
  /** The state as last committed (undefined before the first batch). */
  readState(flowId: string): Promise<StoredState>;
  /** Throws StoreUnavailableError when the store cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The store cannot be reached (Redis down, timed out). Retrying is safe: a batch that did commit answers with its first outcomes. */
export class StoreUnavailableError extends Error {
  constructor(readonly detail: string) {
    super(`State store unavailable: ${detail}`);
    this.name = "StoreUnavailableError";
  }
}

/** Too many write conflicts in a row (heavy contention): nothing was written; the request may be retried. */
export class StoreBusyError extends Error {
  constructor(readonly attempts: number) {
    super(`State store busy: gave up after ${attempts} conflicting attempts`);
    this.name = "StoreBusyError";
  }
}
