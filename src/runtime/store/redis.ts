// The Redis state store: a batch is one optimistic transaction (WATCH state, read, route, MULTI/EXEC), retried on conflict.
import { Redis, type RedisOptions } from "ioredis";
import type { Outcome, FlowState } from "../../engine";
import { Mutex } from "./mutex";
import {
  StoreBusyError,
  StoreUnavailableError,
  type BatchDecision,
  type BatchWrite,
  type StateStore,
  type StoredState,
  type TransactResult,
} from "./types";

/** The keys one flow writes; documented in docs/runtime.md. */
export function redisKeys(flowId: string) {
  const base = `leadwire:${flowId}`;
  return {
    /** The engine's FlowState as JSON (usable as `leadwire run --state`). */
    state: `${base}:state`,
    /** A counter that grows by one with every committed batch. */
    version: `${base}:version`,
    /** Hash: lead id → the lead's first outcome as JSON (without trace). */
    outcomes: `${base}:outcomes`,
  };
}

export interface RedisStoreOptions {
  /** Write conflicts tolerated before a batch gives up with StoreBusyError. */
  maxAttempts?: number;
  /** Backoff before retry n is a random time up to min(maxBackoffMs, baseBackoffMs × 2^(n-1)). */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** A command that gets no answer within this time fails (Redis hung or unreachable). */
  commandTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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

type PipelineResult = [error: Error | null, value: unknown][] | null;

function values(results: PipelineResult, client: Redis): unknown[] {
  if (!results) throw new StoreUnavailableError("no reply");
  return results.map(([error, value]) => {
    if (error) throw toStoreError(error, client);
    return value;
  });
}

export class RedisStore implements StateStore {
  readonly kind = "redis";
  readonly client: Redis;
  private readonly mutex = new Mutex();
  private readonly maxAttempts: number;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;

  constructor(url: string, options: RedisStoreOptions = {}) {
    this.client = new Redis(url, redisClientOptions(options.commandTimeoutMs ?? 2_000));
    // Connection errors reach callers as rejected commands; without a listener ioredis would also print them.
    this.client.on("error", () => undefined);
    this.maxAttempts = options.maxAttempts ?? 60;
    this.baseBackoffMs = options.baseBackoffMs ?? 2;
    this.maxBackoffMs = options.maxBackoffMs ?? 60;
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

  transact<T extends BatchWrite>(flowId: string, ids: readonly string[], decide: BatchDecision<T>): Promise<TransactResult<T>> {
    return this.mutex.run(async () => {
      for (let attempt = 1; ; attempt++) {
        const done = await this.attempt(flowId, ids, decide, attempt);
        if (done) return done;
        if (attempt >= this.maxAttempts) throw new StoreBusyError(attempt);
        await sleep(Math.random() * Math.min(this.maxBackoffMs, this.baseBackoffMs * 2 ** (attempt - 1)));
      }
    });
  }

  /** One try: null when another writer changed the state between our WATCH and EXEC. */
  private async attempt<T extends BatchWrite>(
    flowId: string,
    ids: readonly string[],
    decide: BatchDecision<T>,
    attempt: number,
  ): Promise<TransactResult<T> | null> {
    const keys = redisKeys(flowId);
    const unique = [...new Set(ids)];
    const read = this.client.pipeline().watch(keys.state).get(keys.state).get(keys.version);
    if (unique.length > 0) read.hmget(keys.outcomes, ...unique);
    const [, stateJson, versionText, stored] = values(
      await read.exec().catch((error: unknown) => {
        throw toStoreError(error, this.client);
      }),
      this.client,
    );
    let written: T | null;
    const known = new Map<string, Outcome>();
    let state: FlowState | undefined;
    try {
      if (Array.isArray(stored)) {
        stored.forEach((json: unknown, i) => {
          const id = unique[i];
          if (typeof json === "string" && id !== undefined) known.set(id, JSON.parse(json) as Outcome);
        });
      }
      state = typeof stateJson === "string" ? (JSON.parse(stateJson) as FlowState) : undefined;
      written = decide(state, known);
    } catch (error) {
      // Not a connection problem: a corrupt stored value or a bug; let it surface as it is.
      await this.client.unwatch().catch(() => undefined);
      throw error;
    }
    const version = Number(versionText ?? 0);
    if (!written) {
      await this.client.unwatch().catch(() => undefined);
      return { known, written, attempts: attempt, version };
    }
    const fields: string[] = [];
    for (const [id, outcome] of written.outcomes) fields.push(id, JSON.stringify(outcome));
    const tx = this.client.multi().set(keys.state, JSON.stringify(written.state)).incr(keys.version);
    if (fields.length > 0) tx.hset(keys.outcomes, ...fields);
    let committed: PipelineResult;
    try {
      committed = await tx.exec();
    } catch (error) {
      await this.client.unwatch().catch(() => undefined);
      throw toStoreError(error, this.client);
    }
    if (committed === null) return null;
    const [, newVersion] = values(committed, this.client);
    return { known, written, attempts: attempt, version: Number(newVersion) };
  }

  async readState(flowId: string): Promise<StoredState> {
    const keys = redisKeys(flowId);
    try {
      const [stateJson, versionText] = await this.client.mget(keys.state, keys.version);
      return { state: stateJson ? (JSON.parse(stateJson) as FlowState) : undefined, version: Number(versionText ?? 0) };
    } catch (error) {
      throw toStoreError(error, this.client);
    }
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
    if (this.client.status === "ready") await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }
}
