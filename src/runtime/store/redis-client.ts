// The Redis store's connection: options that fail fast, the Lua scripts defined and called by name, and connection
// problems turned into StoreUnavailableError.
import type { Redis, RedisOptions } from "ioredis";
import { BEGIN, COMMIT, FORWARD, RELEASE } from "./redis-scripts";
import { StoreUnavailableError } from "./types";

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

/** Defines the store's scripts on the client: `lwBegin`, `lwCommit`, `lwRelease`, `lwForward` (see redis-scripts.ts). */
export function defineScripts(client: Redis): void {
  client.defineCommand("lwBegin", { numberOfKeys: 6, lua: BEGIN });
  client.defineCommand("lwCommit", { numberOfKeys: 7, lua: COMMIT });
  client.defineCommand("lwRelease", { numberOfKeys: 2, lua: RELEASE });
  client.defineCommand("lwForward", { numberOfKeys: 2, lua: FORWARD });
}

/** Runs a script defineScripts defined; a connection problem rejects with StoreUnavailableError. */
export function callScript(client: Redis, command: string, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
  const fn = (client as unknown as Record<string, (...a: (string | number)[]) => Promise<unknown>>)[command];
  if (!fn) throw new Error(`unknown script ${command}`);
  return fn.call(client, ...keys, ...args).catch((error: unknown) => {
    throw toStoreError(error, client);
  });
}

/** Connection problems become StoreUnavailableError; a Redis reply error (a bug, e.g. WRONGTYPE) stays what it is. */
export function toStoreError(error: unknown, client: Redis): Error {
  if (error instanceof Error && error.name === "ReplyError") return error;
  if (error instanceof StoreUnavailableError) return error;
  // While disconnected, ioredis says "Stream isn't writeable…"; the connection's status says it plainly.
  if (client.status !== "ready") return new StoreUnavailableError(`Redis is not connected (${client.status})`);
  return new StoreUnavailableError(error instanceof Error ? error.message : String(error));
}
