// The Redis state store: a batch is decided under the flow's lease (BEGIN, engine, COMMIT); a process that finds the lease
// taken hands its batch to the holder through the flow's inbox instead of waiting.
import { Redis } from "ioredis";
import { randomUUID } from "node:crypto";
import type { Outcome, TrackedLead } from "../../engine";
import { Mutex } from "./mutex";
import type { OutgoingNotification } from "../senders/types";
import { startOutboxConsumer } from "./outbox";
import { beginArgs, takeBegun, type Begun } from "./redis-begin";
import { callScript, defineScripts, redisClientOptions, toStoreError } from "./redis-client";
import { commitArgs } from "./redis-commit";
import { pushToInbox, takeInbox } from "./redis-inbox";
import { redisKeys } from "./redis-keys";
import { LeaseKeeper } from "./redis-lease";
import * as reads from "./redis-read";
import { RedisSignals } from "./redis-signals";
import { FieldCache, StateView } from "./state-view";
import {
  scopeOf,
  StoreBusyError,
  type BatchDecision,
  type BatchScope,
  type BatchWrite,
  type ScopeInput,
  type StateStore,
  type StoredState,
  type ReadStateOptions,
  type TransactResult,
} from "./types";

export { redisClientOptions } from "./redis-client";
export { redisKeys } from "./redis-keys";

export interface RedisStoreOptions {
  /** How long a batch may wait for the flow's lease before it gives up with StoreBusyError. */
  maxWaitMs?: number;
  /** The lease a deciding process holds; a process that dies holding it delays the others at most this long. */
  leaseMs?: number;
  /** A command that gets no answer within this time fails (Redis hung or unreachable). */
  commandTimeoutMs?: number;
  /** How long first outcomes and followed leads are kept after their last change (default 30 days). */
  retentionMs?: number;
  /** Fenced commits (the lease expired under a slow batch) tolerated in a row before StoreBusyError. */
  maxAttempts?: number;
  /** How long a batch handed to the lease holder waits for its answer before it tries again (the holder may have died). */
  forwardWaitMs?: number;
  /** How long a process keeps the lease for the batches others forward before giving it back once (so waiters get a turn). */
  keepMs?: number;
  /** How long a process that decided other processes' batches keeps the lease idle, expecting more (a push wakes it). */
  lingerMs?: number;
}

export const DEFAULT_RETENTION_MS = 30 * 86_400_000;

/**
 * The Redis store. A batch takes the flow's lease (BEGIN, one round trip that also returns the fields other processes
 * changed since this process's copy, the batch's stored outcomes and its followed leads), runs the engine on a view of
 * that copy, and writes only the fields, outcomes and leads it changed while releasing the lease (COMMIT, one round trip).
 * A commit whose lease expired meanwhile (fencing token) writes nothing and the batch is decided again.
 */
export class RedisStore implements StateStore {
  readonly kind = "redis";
  readonly client: Redis;
  private readonly mutex = new Mutex();
  private readonly caches = new Map<string, FieldCache>();
  private readonly maxWaitMs: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly forwardWaitMs: number;
  private readonly signals: RedisSignals;
  private readonly lease: LeaseKeeper;
  private readonly inboxListeners = new Set<() => void>();
  readonly retentionMs: number;

  constructor(url: string, options: RedisStoreOptions = {}) {
    this.client = new Redis(url, redisClientOptions(options.commandTimeoutMs ?? 2_000));
    // Connection errors reach callers as rejected commands; without a listener ioredis would also print them.
    this.client.on("error", () => undefined);
    defineScripts(this.client);
    this.signals = new RedisSignals(this.client);
    this.maxWaitMs = options.maxWaitMs ?? 5_000;
    this.leaseMs = options.leaseMs ?? 2_000;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.forwardWaitMs = options.forwardWaitMs ?? 3_000;
    this.lease = new LeaseKeeper({
      keepMs: options.keepMs ?? 500,
      lingerMs: options.lingerMs ?? 50,
      release: (flowId, token) => {
        const keys = redisKeys(flowId);
        return this.call("lwRelease", [keys.lock, keys.inbox], [token, "", this.leaseMs, 0]);
      },
      listening: () => this.signals.listening,
      serialize: (section) => this.mutex.run(section),
      wake: () => this.signals.onWake(),
    });
    this.signals.onWake = () => {
      for (const listener of this.inboxListeners) listener();
    };
    this.retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  }

  /** Opens the connection; rejects (and keeps reconnecting in the background) when Redis cannot be reached. */
  async connect(): Promise<void> {
    if (this.client.status !== "wait") return;
    try {
      await this.client.connect();
    } catch (error) {
      throw toStoreError(error, this.client);
    }
    // Listening on this process's channel from the start: a holder can then be woken by the first batch handed to it.
    await this.signals.ready();
  }

  private cache(flowId: string): FieldCache {
    let cache = this.caches.get(flowId);
    if (!cache) this.caches.set(flowId, (cache = new FieldCache()));
    return cache;
  }

  private call(command: string, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    return callScript(this.client, command, keys, args);
  }

  transact<T extends BatchWrite>(flowId: string, input: ScopeInput, decide: BatchDecision<T>): Promise<TransactResult<T>> {
    return this.mutex.run(async () => {
      let waits = 0;
      const started = Date.now();
      for (let attempt = 1; ; attempt++) {
        const held = this.lease.takeUp(flowId);
        // The lease token starts with this process's channel: a process handing a batch over wakes the holder there.
        const token = held?.token ?? `${this.signals.channel} ${randomUUID()}`;
        // Asked again on every try: a batch that waited for the lease takes in what queued meanwhile.
        const scope = scopeOf(input);
        let begun: Begun | number;
        try {
          begun = await this.begin(flowId, scope, token);
        } catch (error) {
          this.lease.drop(flowId);
          throw error;
        }
        if (typeof begun === "number") {
          // Another process holds the lease (ours, if we kept it, expired and was taken).
          this.lease.drop(flowId);
          attempt--;
          if (scope.wait === false)
            return { known: new Map(), written: null, attempts: 1, waits, version: this.cache(flowId).version, busy: true };
          if (Date.now() - started > this.maxWaitMs) throw new StoreBusyError(attempt + 1 + waits);
          if (scope.forward && (await this.signals.ready())) {
            // Handed to the holder, decided with its next batch (the caller waits for the answer, not this connection); if the
            // lease came free meanwhile, try again.
            const handed = await this.push(flowId, scope, scope.forward);
            if (handed)
              return { known: new Map(), written: null, attempts: 1, waits, version: this.cache(flowId).version, handed: handed.answer };
            continue;
          }
          waits++;
          // Woken when the holder commits (or after a short while, should the message be missed); the batch grows meanwhile.
          await this.signals.whenFree(redisKeys(flowId).lock, Math.min(Math.max(begun, 1), 20));
          continue;
        }
        const since = held?.since ?? Date.now();
        const done = await this.decideAndCommit(flowId, scope, token, since, begun, decide, attempt, waits);
        if (done) return done;
        if (attempt >= this.maxAttempts) throw new StoreBusyError(attempt);
      }
    });
  }

  async handOver(flowId: string, scope: BatchScope): Promise<{ answer: Promise<string | undefined> } | null> {
    if (this.lease.has(flowId) || !scope.forward || !(await this.signals.ready())) return null;
    return (await this.push(flowId, scope, scope.forward)) ?? null;
  }

  /** Hands the batch to the process holding the lease (see pushToInbox). */
  private push(flowId: string, scope: BatchScope, payload: () => string): Promise<{ answer: Promise<string | undefined> } | undefined> {
    return pushToInbox({ client: this.client, signals: this.signals, waitMs: this.forwardWaitMs }, flowId, scope.ids, payload);
  }

  /** BEGIN: the lease, or the milliseconds it is still held by another process. */
  private async begin(flowId: string, scope: BatchScope, token: string): Promise<Begun | number> {
    const keys = redisKeys(flowId);
    const args = beginArgs(token, this.leaseMs, this.cache(flowId).version, keys.prefix, scope);
    const reply = (await this.call("lwBegin", [keys.lock, keys.meta, keys.changes, keys.fields, keys.timers, keys.inbox], args)) as
      [0, number] | Begun;
    if (reply[0] === 0) return reply[1];
    return reply;
  }

  private async decideAndCommit<T extends BatchWrite>(
    flowId: string,
    scope: BatchScope,
    token: string,
    since: number,
    begun: Begun,
    decide: BatchDecision<T>,
    attempt: number,
    waits: number,
  ): Promise<TransactResult<T> | null> {
    const keys = redisKeys(flowId);
    const cache = this.cache(flowId);
    const version = begun[1];
    const replies: string[] = [];
    const release = async (): Promise<boolean> => {
      const args = [token, this.lease.keep(flowId, since), this.leaseMs, replies.length / 2, ...replies];
      const reply = (await this.call("lwRelease", [keys.lock, keys.inbox], args).catch(() => [0, 0])) as number[];
      return this.lease.holds(flowId, token, since, Number(reply[1]));
    };
    let written: T | null;
    let view: StateView;
    let known: Map<string, Outcome>;
    const inbox = takeInbox(begun[8], replies);
    try {
      ({ known, view } = takeBegun(cache, begun, scope.ids));
      if (inbox.items.length > 0) {
        this.lease.serving(flowId);
        // Lingering needs the wake-ups on this process's channel: subscribed the first time it serves others.
        if (!this.signals.listening) void this.signals.ready();
      }
      written = decide(view.state, known, inbox);
    } catch (error) {
      // Not a connection problem: a corrupt stored value or a bug; let it surface as it is. The copy may be half-changed.
      // The forwarded batches get no answer: their processes try again after forwardWaitMs.
      cache.clear();
      replies.length = 0;
      await release();
      throw error;
    }
    if (!written) {
      if (view.touched) cache.clear();
      const holding = await release();
      return { known, written, attempts: attempt, waits, version, holding };
    }
    const changes = view.changes(written.state);
    const now = Date.now();
    const keep = this.lease.keep(flowId, since);
    const args = commitArgs({
      token,
      prefix: keys.prefix,
      retentionMs: this.retentionMs,
      keep,
      leaseMs: this.leaseMs,
      changes,
      written,
      replies,
      now,
    });
    let newVersion: number;
    let flag: number;
    try {
      [newVersion, flag] = (await this.call(
        "lwCommit",
        [keys.lock, keys.meta, keys.changes, keys.fields, keys.timers, keys.outbox, keys.inbox],
        args,
      )) as [number, number];
    } catch (error) {
      // Unknown whether it committed; the copy was changed in place: read everything again next time.
      cache.clear();
      this.lease.drop(flowId);
      throw error;
    }
    if (newVersion === -1) {
      // Fenced: nothing written, no answer published; the forwarded batches' processes try again after forwardWaitMs.
      cache.clear();
      this.lease.drop(flowId);
      return null;
    }
    for (const [field, json] of changes.fields) cache.set(field, json);
    cache.version = newVersion;
    const holding = this.lease.holds(flowId, token, since, flag);
    return { known, written, attempts: attempt, waits, version: newVersion, holding };
  }

  /** Calls `listener` when another process hands a batch to this one (it holds the lease): run a batch to take it. */
  onInbox(listener: () => void): void {
    this.inboxListeners.add(listener);
  }

  readState(flowId: string, options: ReadStateOptions = {}): Promise<StoredState> {
    return reads.readState(this.client, flowId, options);
  }

  nextDue(flowId: string): Promise<number | null> {
    return reads.nextDue(this.client, flowId);
  }

  readLead(flowId: string, id: string): Promise<{ outcome?: Outcome; followed?: TrackedLead }> {
    return reads.readLead(this.client, flowId, id);
  }

  consumeOutbox(flowId: () => string, handle: (messages: OutgoingNotification[]) => void): { stop(): Promise<void> } {
    return startOutboxConsumer(this.client, () => redisKeys(flowId()).outbox, handle);
  }

  async ping(): Promise<void> {
    try {
      await this.client.ping();
    } catch (error) {
      throw toStoreError(error, this.client);
    }
  }

  async close(): Promise<void> {
    await this.mutex.idle();
    await this.lease.releaseAll();
    this.signals.close();
    if (this.client.status === "ready") await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }
}
