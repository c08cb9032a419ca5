// The Redis state store: a batch is one optimistic transaction (WATCH state, read, route, MULTI/EXEC), retried on conflict.
import { Redis, type RedisOptions } from "ioredis";
import { randomUUID } from "node:crypto";
import { emptyState, nextTimer, type Outcome, type FlowState, type TrackedLead } from "../../engine";
import { unflatten } from "./fields";
import { Mutex } from "./mutex";
import type { OutgoingNotification } from "../senders/types";
import { startOutboxConsumer } from "./outbox";
import { BEGIN, COMMIT, RELEASE } from "./redis-scripts";
import { FieldCache, StateView } from "./state-view";
import {
  scopeOf,
  StoreBusyError,
  StoreUnavailableError,
  type BatchDecision,
  type BatchScope,
  type BatchWrite,
  type ScopeInput,
  type StateStore,
  type StoredState,
  type ReadStateOptions,
  type TransactResult,
} from "./types";

/** The keys one flow writes; documented in docs/runtime.md. */
export function redisKeys(flowId: string) {
  const base = `leadwire:${flowId}:`;
  return {
    /** Prefix of the per-lead keys `o:<lead>` (first outcome) and `l:<lead>` (followed lead), each with a time to live. */
    prefix: base,
    /** Hash: `version` (commits so far), `seq` (followed leads so far), `followed` (the flow follows leads). */
    meta: `${base}meta`,
    /** Hash: one field per member, node property and per-member map entry (see fields.ts). */
    fields: `${base}fields`,
    /** Sorted set: field name → the version that last wrote it (what a process's copy is missing). */
    changes: `${base}changes`,
    /** Sorted set: followed lead id → its next timer (ms). */
    timers: `${base}timers`,
    /** String with a time to live: the token of the process deciding a batch. */
    lock: `${base}lock`,
    /** Stream: notifications committed with their batch, read by the consumer group `senders` (capped near 1M entries). */
    outbox: `${base}outbox`,
  };
}

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
}

export const DEFAULT_RETENTION_MS = 30 * 86_400_000;

/**
 * Fails fast instead of queueing while Redis is away, and never re-sends an unanswered command after a reconnect:
 * a re-sent MULTI…EXEC would commit without the WATCH that guards it.
 */
export function redisClientOptions(commandTimeoutMs: number): RedisOptions {
  return {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    commandTimeout: commandTimeoutMs,
    connectTimeout: commandTimeoutMs,
    retryStrategy: (times) => Math.min(50 * times, 500),
  };
}

/** Connection problems become StoreUnavailableError; a Redis reply error (a bug, e.g. WRONGTYPE) stays what it is. */
function toStoreError(error: unknown, client: Redis): Error {
  if (error instanceof Error && error.name === "ReplyError") return error;
  if (error instanceof StoreUnavailableError) return error;
  // While disconnected, ioredis says "Stream isn't writeable…"; the connection's status says it plainly.
  if (client.status !== "ready") return new StoreUnavailableError(`Redis is not connected (${client.status})`);
  return new StoreUnavailableError(error instanceof Error ? error.message : String(error));
}

type Begun = [
  ok: 1,
  version: number,
  seq: string | null,
  reset: number,
  changed: (string | null)[],
  outcomes: (string | null)[],
  followed: string[],
  due: string[],
];

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
  readonly retentionMs: number;

  constructor(url: string, options: RedisStoreOptions = {}) {
    this.client = new Redis(url, redisClientOptions(options.commandTimeoutMs ?? 2_000));
    // Connection errors reach callers as rejected commands; without a listener ioredis would also print them.
    this.client.on("error", () => undefined);
    this.client.defineCommand("lwBegin", { numberOfKeys: 5, lua: BEGIN });
    this.client.defineCommand("lwCommit", { numberOfKeys: 6, lua: COMMIT });
    this.client.defineCommand("lwRelease", { numberOfKeys: 1, lua: RELEASE });
    this.maxWaitMs = options.maxWaitMs ?? 5_000;
    this.leaseMs = options.leaseMs ?? 2_000;
    this.maxAttempts = options.maxAttempts ?? 10;
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
  }

  private cache(flowId: string): FieldCache {
    let cache = this.caches.get(flowId);
    if (!cache) this.caches.set(flowId, (cache = new FieldCache()));
    return cache;
  }

  private call(command: string, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    const fn = (this.client as unknown as Record<string, (...a: (string | number)[]) => Promise<unknown>>)[command];
    if (!fn) throw new Error(`unknown script ${command}`);
    return fn.call(this.client, ...keys, ...args).catch((error: unknown) => {
      throw toStoreError(error, this.client);
    });
  }

  transact<T extends BatchWrite>(flowId: string, input: ScopeInput, decide: BatchDecision<T>): Promise<TransactResult<T>> {
    return this.mutex.run(async () => {
      let waits = 0;
      const started = Date.now();
      for (let attempt = 1; ; attempt++) {
        const token = randomUUID();
        // Asked again on every try: a batch that waited for the lease takes in what queued meanwhile.
        const scope = scopeOf(input);
        const begun = await this.begin(flowId, scope, token);
        if (typeof begun === "number") {
          waits++;
          if (Date.now() - started > this.maxWaitMs) throw new StoreBusyError(attempt + waits);
          // Woken when the holder commits (or after a short while, should the message be missed); the batch grows meanwhile.
          await this.whenFree(redisKeys(flowId).lock, Math.min(Math.max(begun, 1), 20));
          attempt--;
          continue;
        }
        const done = await this.decideAndCommit(flowId, scope, token, begun, decide, attempt, waits);
        if (done) return done;
        if (attempt >= this.maxAttempts) throw new StoreBusyError(attempt);
      }
    });
  }

  private subscriber: Redis | null = null;
  private readonly subscribed = new Set<string>();
  private readonly waiting = new Map<string, Set<() => void>>();

  /** Resolves when the lease on `lock` is released (a message on `<lock>:free`) or after `ms`. */
  private async whenFree(lock: string, ms: number): Promise<void> {
    const channel = `${lock}:free`;
    if (!this.subscriber) {
      const sub = this.client.duplicate();
      sub.on("error", () => undefined);
      sub.on("message", (ch: string) => {
        const list = this.waiting.get(ch);
        this.waiting.delete(ch);
        for (const wake of list ?? []) wake();
      });
      this.subscriber = sub;
    }
    if (this.subscriber.status === "wait") await this.subscriber.connect().catch(() => undefined);
    if (!this.subscribed.has(channel) && this.subscriber.status === "ready") {
      this.subscribed.add(channel);
      await this.subscriber.subscribe(channel).catch(() => this.subscribed.delete(channel));
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      let set = this.waiting.get(channel);
      if (!set) this.waiting.set(channel, (set = new Set()));
      set.add(done);
    });
  }

  /** BEGIN: the lease, or the milliseconds it is still held by another process. */
  private async begin(flowId: string, scope: BatchScope, token: string): Promise<Begun | number> {
    const keys = redisKeys(flowId);
    const cache = this.cache(flowId);
    const ids = [...new Set(scope.ids)];
    const followed = [...new Set(scope.followed ?? [])];
    const reply = (await this.call(
      "lwBegin",
      [keys.lock, keys.meta, keys.changes, keys.fields, keys.timers],
      [
        token,
        this.leaseMs,
        cache.version,
        keys.prefix,
        scope.dueBy ?? "",
        scope.dueLimit ?? 200,
        ids.length,
        ...ids,
        followed.length,
        ...followed,
      ],
    )) as [0, number] | Begun;
    if (reply[0] === 0) return reply[1];
    return reply;
  }

  private async decideAndCommit<T extends BatchWrite>(
    flowId: string,
    scope: BatchScope,
    token: string,
    begun: Begun,
    decide: BatchDecision<T>,
    attempt: number,
    waits: number,
  ): Promise<TransactResult<T> | null> {
    const keys = redisKeys(flowId);
    const cache = this.cache(flowId);
    const [, version, seqText, reset, changed, stored, followed, due] = begun;
    const release = () => this.call("lwRelease", [keys.lock], [token]).catch(() => undefined);
    let written: T | null;
    let view: StateView;
    const known = new Map<string, Outcome>();
    try {
      if (reset === 1) cache.clear();
      for (let i = 0; i < changed.length; i += 2) cache.set(changed[i] as string, changed[i + 1] ?? null);
      cache.version = version;
      const ids = [...new Set(scope.ids)];
      stored.forEach((json, i) => {
        const id = ids[i];
        if (typeof json === "string" && id !== undefined) known.set(id, JSON.parse(json) as Outcome);
      });
      const leads = new Map<string, string>();
      for (const list of [followed, due]) for (let i = 0; i < list.length; i += 2) leads.set(list[i] as string, list[i + 1] as string);
      const followedFlow = leads.size > 0 || seqText !== null;
      view = new StateView(cache, followedFlow ? leads : null, seqText === null ? undefined : Number(seqText));
      written = decide(view.state, known);
    } catch (error) {
      // Not a connection problem: a corrupt stored value or a bug; let it surface as it is. The copy may be half-changed.
      cache.clear();
      await release();
      throw error;
    }
    if (!written) {
      if (view.touched) cache.clear();
      await release();
      return { known, written, attempts: attempt, waits, version };
    }
    const changes = view.changes(written.state);
    const now = Date.now();
    const args: (string | number)[] = [token, keys.prefix, this.retentionMs, changes.seq ?? "", changes.followed ? "1" : ""];
    args.push(changes.fields.size);
    for (const [field, json] of changes.fields) args.push(field, json ?? "");
    args.push(written.outcomes.size);
    for (const [id, outcome] of written.outcomes) args.push(id, JSON.stringify(outcome));
    args.push(changes.leads.size);
    const timers: (string | number)[] = [];
    for (const [id, rec] of changes.leads) {
      if (!rec) {
        args.push(id, "", 0);
        timers.push(id, "");
        continue;
      }
      const next = nextTimer(rec);
      // Kept for the retention after its last change, and never dropped before its next timer has fired.
      const until = Math.max(rec.last, Number.isFinite(next) ? next : 0) + this.retentionMs;
      args.push(id, JSON.stringify(rec), Math.max(1_000, until - now));
      timers.push(id, Number.isFinite(next) ? next : "");
    }
    args.push(timers.length / 2, ...timers);
    const notify = written.notify ?? [];
    args.push(notify.length, ...notify.map((m) => JSON.stringify(m)));
    let newVersion: number;
    try {
      newVersion = (await this.call(
        "lwCommit",
        [keys.lock, keys.meta, keys.changes, keys.fields, keys.timers, keys.outbox],
        args,
      )) as number;
    } catch (error) {
      // Unknown whether it committed; the copy was changed in place: read everything again next time.
      cache.clear();
      throw error;
    }
    if (newVersion === -1) {
      cache.clear();
      return null;
    }
    for (const [field, json] of changes.fields) cache.set(field, json);
    cache.version = newVersion;
    return { known, written, attempts: attempt, waits, version: newVersion };
  }

  async readState(flowId: string, options: ReadStateOptions = {}): Promise<StoredState> {
    const keys = redisKeys(flowId);
    try {
      const [meta, fields] = await Promise.all([this.client.hgetall(keys.meta), this.client.hgetall(keys.fields)]);
      const version = Number(meta.version ?? 0);
      if (version === 0) return { state: undefined, version };
      const state: FlowState = { ...emptyState(), ...unflatten(Object.entries(fields)) };
      if (meta.followed === "1" && options.leads !== false) state.leads = await this.readLeads(keys.prefix);
      if (meta.seq !== undefined) state.seq = Number(meta.seq);
      return { state, version };
    } catch (error) {
      throw toStoreError(error, this.client);
    }
  }

  /** Every followed lead (for GET /v1/state): a cursor scan, never a blocking KEYS. */
  private async readLeads(prefix: string): Promise<Record<string, TrackedLead>> {
    const leads: Record<string, TrackedLead> = {};
    let cursor = "0";
    do {
      const [next, found] = await this.client.scan(cursor, "MATCH", `${escapeGlob(prefix)}l:*`, "COUNT", 1000);
      cursor = next;
      if (found.length === 0) continue;
      const values = await this.client.mget(...found);
      found.forEach((key, i) => {
        const json = values[i];
        if (json) leads[key.slice(prefix.length + 2)] = JSON.parse(json) as TrackedLead;
      });
    } while (cursor !== "0");
    return leads;
  }

  async nextDue(flowId: string): Promise<number | null> {
    try {
      const [, score] = await this.client.zrange(redisKeys(flowId).timers, 0, 0, "WITHSCORES");
      return score === undefined ? null : Number(score);
    } catch (error) {
      throw toStoreError(error, this.client);
    }
  }

  async readLead(flowId: string, id: string): Promise<{ outcome?: Outcome; followed?: TrackedLead }> {
    const { prefix } = redisKeys(flowId);
    try {
      const [outcome, followed] = await this.client.mget(`${prefix}o:${id}`, `${prefix}l:${id}`);
      return {
        ...(outcome ? { outcome: JSON.parse(outcome) as Outcome } : {}),
        ...(followed ? { followed: JSON.parse(followed) as TrackedLead } : {}),
      };
    } catch (error) {
      throw toStoreError(error, this.client);
    }
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
    this.subscriber?.disconnect();
    if (this.client.status === "ready") await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}
