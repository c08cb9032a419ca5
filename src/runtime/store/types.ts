// The state store contract: one atomic "read state and known outcomes, route the rest, write both" step per micro-batch.
import type { Outcome, FlowState, TrackedLead } from "../../engine";
import type { OutgoingNotification } from "../senders/types";

/** What a batch writes: the state after routing and the outcomes of the leads it routed (stored without trace). */
export interface BatchWrite {
  readonly state: FlowState;
  readonly outcomes: ReadonlyMap<string, Outcome>;
  /** Messages the batch produced; a store with an outbox records them in the same atomic step (see consumeOutbox). */
  readonly notify?: readonly OutgoingNotification[];
}

/** What a batch needs from the store besides the flow's cursors and counters. */
export interface BatchScope {
  /** Lead ids whose stored first outcomes the batch needs (idempotency). */
  readonly ids: readonly string[];
  /** Followed leads (spec §9) the batch may enter or change: the leads it routes and those its events name. */
  readonly followed?: readonly string[];
  /** Also load the followed leads whose next timer is due at or before this time (ms), at most `dueLimit` of them. */
  readonly dueBy?: number;
  readonly dueLimit?: number;
  /**
   * Lead batches (Redis): also take up to this many leads' worth of the batches other processes handed to the lease holder
   * (the flow's inbox); `decide` gets them as its `inbox` and answers each.
   */
  readonly inbox?: number;
  /**
   * When another process holds the flow's lease: this batch's requests, for that process to decide with its next batch
   * (Redis: pushed to the flow's inbox, answered on this process's channel). Without it the batch waits for the lease.
   */
  readonly forward?: () => string;
  /** false: when another process holds the lease, return at once with `busy` instead of waiting (it will do the work). */
  readonly wait?: false;
}

/** A batch another process handed to the one holding the flow's lease; `payload` is that process's, opaque to the store. */
export interface Forwarded {
  readonly id: string;
  readonly payload: string;
}

/** The forwarded batches a batch takes with it, and where their answers go (published only if the batch commits). */
export interface Inbox {
  readonly items: readonly Forwarded[];
  reply(id: string, answer: string): void;
}

/**
 * Decides a batch from what the store holds (and, with `inbox`, the batches other processes forwarded, answered each). `state` is the flow's state as the store sees it (a Redis store hands a view
 * that loads members and counters when first read and holds only the followed leads in scope); `decide` may change it in
 * place (the engine's `stateInPlace`) or return a new one. It must be pure: on a conflict the store calls it again with
 * fresher data. Returning null means there is nothing to write (every lead was routed before).
 */
export type BatchDecision<T extends BatchWrite> = (state: FlowState, known: ReadonlyMap<string, Outcome>, inbox?: Inbox) => T | null;

export interface TransactResult<T extends BatchWrite> {
  /** Outcomes already stored for the batch's ids before this batch (first outcome wins). */
  readonly known: ReadonlyMap<string, Outcome>;
  /** What this batch committed, or null when it committed nothing. */
  readonly written: T | null;
  /** 1 when the first try committed; each write conflict adds one. */
  readonly attempts: number;
  /** Times the batch found the flow's lock taken and waited (Redis; 0 in memory). */
  readonly waits?: number;
  /** The state's version after the batch (it grows by one per committed write). */
  readonly version: number;
  /**
   * The batch was handed to the process holding the lease (scope `forward`): its answer to come, what that process's
   * `decide` replied, or undefined when none came in time (it may have died: decide the batch again).
   */
  readonly handed?: Promise<string | undefined>;
  /** Another process holds the lease and the scope said not to wait: nothing was decided. */
  readonly busy?: boolean;
  /**
   * Other processes' batches wait in the flow's inbox and this process holds (or just gave back) the lease: it should run
   * a batch soon, even an empty one, to take them.
   */
  readonly holding?: boolean;
}

export interface StoredState {
  readonly state: FlowState | undefined;
  readonly version: number;
}

export interface ReadStateOptions {
  /** Include the followed leads (default true); cursors and counters alone are what the rotation needs. */
  readonly leads?: boolean;
}

export interface StateStore {
  readonly kind: "memory" | "redis";
  /**
   * Atomically reads the state and the stored outcomes of the scope's ids, calls `decide`, and commits its write. A scope
   * given as a function is called once the store may decide (lease held), so a batch can gather what queued meanwhile;
   * it must return the same scope when called again (a retry).
   */
  transact<T extends BatchWrite>(flowId: string, scope: ScopeInput, decide: BatchDecision<T>): Promise<TransactResult<T>>;
  /** A lead's first outcome and, for followed leads, its record now; both undefined when unknown or expired. */
  readLead(flowId: string, id: string): Promise<{ outcome?: Outcome; followed?: TrackedLead }>;
  /** The time (ms) of the earliest pending timer of a followed lead, or null when none is pending. */
  nextDue(flowId: string): Promise<number | null>;
  /** The state as last committed (undefined before the first batch); `leads: false` leaves out the followed leads. */
  readState(flowId: string, options?: ReadStateOptions): Promise<StoredState>;
  /**
   * Stores with an outbox (Redis): hands every committed notification to `handle` in one of the processes, again after
   * that process died before confirming it. Without one, the caller sends a batch's notifications itself after commit.
   */
  consumeOutbox?(flowId: () => string, handle: (messages: OutgoingNotification[]) => void): { stop(): Promise<void> };
  /**
   * Stores shared by processes (Redis): hands the batch (its scope's `forward`) to the process holding the flow's lease
   * without waiting for this process's turn; resolves once handed over, with its answer to come (undefined when none came
   * in time: decide it with `transact`), or null when no other process holds the lease (use `transact`).
   */
  handOver?(flowId: string, scope: BatchScope): Promise<{ answer: Promise<string | undefined> } | null>;
  /** Stores shared by processes: `listener` is called when another process hands this one a batch (run a batch to take it). */
  onInbox?(listener: () => void): void;
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

export type ScopeInput = BatchScope | readonly string[] | (() => BatchScope);

export function scopeOf(scope: ScopeInput): BatchScope {
  if (typeof scope === "function") return scope();
  return isIdList(scope) ? { ids: scope } : scope;
}

function isIdList(scope: BatchScope | readonly string[]): scope is readonly string[] {
  return Array.isArray(scope);
}

/** Too many write conflicts in a row (heavy contention): nothing was written; the request may be retried. */
export class StoreBusyError extends Error {
  constructor(readonly attempts: number) {
    super(`State store busy: gave up after ${attempts} conflicting attempts`);
    this.name = "StoreBusyError";
  }
}
