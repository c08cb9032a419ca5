// The in-process state store: one state and one outcome map per flow id, batches applied one at a time behind a mutex.
import { emptyState, nextTimer, type Outcome, type FlowState, type TrackedLead } from "../../engine";
import { Mutex } from "./mutex";
import {
  scopeOf,
  type BatchDecision,
  type ScopeInput,
  type BatchWrite,
  type StateStore,
  type StoredState,
  type ReadStateOptions,
  type TransactResult,
} from "./types";

interface FlowEntry {
  state: FlowState | undefined;
  version: number;
  outcomes: Map<string, Outcome>;
  /** When each first outcome was stored, in the same (insertion) order: the oldest are dropped first. */
  storedAt: Map<string, number>;
}

export interface MemoryStoreOptions {
  /** How long first outcomes are kept (default 30 days); followed leads expire in the engine (retentionDays). */
  retentionMs?: number;
  /** Clock (tests). */
  now?: () => number;
}

export class MemoryStore implements StateStore {
  readonly kind = "memory";
  private readonly flows = new Map<string, FlowEntry>();
  private readonly mutex = new Mutex();
  private readonly retentionMs: number;
  private readonly now: () => number;

  constructor(options: MemoryStoreOptions = {}) {
    this.retentionMs = options.retentionMs ?? 30 * 86_400_000;
    this.now = options.now ?? Date.now;
  }

  /** Drops first outcomes older than the retention, oldest first (a Map iterates in insertion order). */
  private expire(entry: FlowEntry): void {
    const limit = this.now() - this.retentionMs;
    for (const [id, at] of entry.storedAt) {
      if (at > limit) break;
      entry.storedAt.delete(id);
      entry.outcomes.delete(id);
    }
  }

  private entry(flowId: string): FlowEntry {
    let entry = this.flows.get(flowId);
    if (!entry) {
      entry = { state: undefined, version: 0, outcomes: new Map(), storedAt: new Map() };
      this.flows.set(flowId, entry);
    }
    return entry;
  }

  transact<T extends BatchWrite>(flowId: string, scope: ScopeInput, decide: BatchDecision<T>): Promise<TransactResult<T>> {
    const run = async (): Promise<TransactResult<T>> => {
      const { ids } = scopeOf(scope);
      const entry = this.entry(flowId);
      this.expire(entry);
      const known = new Map<string, Outcome>();
      for (const id of ids) {
        const hit = entry.outcomes.get(id);
        if (hit) known.set(id, hit);
      }
      // The whole state, copied: a decision that fails half-way leaves what the store holds untouched.
      const written = decide(entry.state ? structuredClone(entry.state) : emptyState(), known);
      if (written) {
        // Copies, so a caller that keeps the objects it returned can never change what the store holds.
        entry.state = structuredClone(written.state);
        const at = this.now();
        for (const [id, outcome] of written.outcomes)
          if (!entry.outcomes.has(id)) {
            entry.outcomes.set(id, structuredClone(outcome));
            entry.storedAt.set(id, at);
          }
        entry.version++;
      }
      return { known, written, attempts: 1, version: entry.version };
    };
    return this.mutex.run(run);
  }

  async readState(flowId: string, options: ReadStateOptions = {}): Promise<StoredState> {
    const entry = this.flows.get(flowId);
    const state = entry?.state;
    if (!state) return { state: undefined, version: entry?.version ?? 0 };
    // Without the followed leads (they may be many), only the cursors and counters are copied.
    const { leads, ...counters } = state;
    const copy = options.leads === false ? structuredClone(counters) : structuredClone({ ...counters, ...(leads ? { leads } : {}) });
    return { state: copy, version: entry.version };
  }

  async readLead(flowId: string, id: string): Promise<{ outcome?: Outcome; followed?: TrackedLead }> {
    const entry = this.flows.get(flowId);
    if (entry) this.expire(entry);
    const outcome = entry?.outcomes.get(id);
    const followed = entry?.state?.leads?.[id];
    return { ...(outcome ? { outcome: structuredClone(outcome) } : {}), ...(followed ? { followed: structuredClone(followed) } : {}) };
  }

  async nextDue(flowId: string): Promise<number | null> {
    let next = Number.POSITIVE_INFINITY;
    for (const rec of Object.values(this.flows.get(flowId)?.state?.leads ?? {})) next = Math.min(next, nextTimer(rec));
    return Number.isFinite(next) ? next : null;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    await this.mutex.idle();
  }
}
