// The Redis store's reads outside a batch: the state as last committed, one lead, the earliest pending timer.
import type { Redis } from "ioredis";
import { emptyState, type FlowState, type Outcome, type TrackedLead } from "../../engine";
import { unflatten } from "./fields";
import { toStoreError } from "./redis-client";
import { redisKeys } from "./redis-keys";
import type { ReadStateOptions, StoredState } from "./types";

export async function readState(client: Redis, flowId: string, options: ReadStateOptions = {}): Promise<StoredState> {
  const keys = redisKeys(flowId);
  try {
    const [meta, fields] = await Promise.all([client.hgetall(keys.meta), client.hgetall(keys.fields)]);
    const version = Number(meta.version ?? 0);
    if (version === 0) return { state: undefined, version };
    const state: FlowState = { ...emptyState(), ...unflatten(Object.entries(fields)) };
    if (meta.followed === "1" && options.leads !== false) state.leads = await readLeads(client, keys.prefix);
    if (meta.seq !== undefined) state.seq = Number(meta.seq);
    return { state, version };
  } catch (error) {
    throw toStoreError(error, client);
  }
}

/** Every followed lead (for GET /v1/state): a cursor scan, never a blocking KEYS. */
async function readLeads(client: Redis, prefix: string): Promise<Record<string, TrackedLead>> {
  const leads: Record<string, TrackedLead> = {};
  let cursor = "0";
  do {
    const [next, found] = await client.scan(cursor, "MATCH", `${escapeGlob(prefix)}l:*`, "COUNT", 1000);
    cursor = next;
    if (found.length === 0) continue;
    const values = await client.mget(...found);
    found.forEach((key, i) => {
      const json = values[i];
      if (json) leads[key.slice(prefix.length + 2)] = JSON.parse(json) as TrackedLead;
    });
  } while (cursor !== "0");
  return leads;
}

export async function nextDue(client: Redis, flowId: string): Promise<number | null> {
  try {
    const [, score] = await client.zrange(redisKeys(flowId).timers, 0, 0, "WITHSCORES");
    return score === undefined ? null : Number(score);
  } catch (error) {
    throw toStoreError(error, client);
  }
}

export async function readLead(client: Redis, flowId: string, id: string): Promise<{ outcome?: Outcome; followed?: TrackedLead }> {
  const { prefix } = redisKeys(flowId);
  try {
    const [outcome, followed] = await client.mget(`${prefix}o:${id}`, `${prefix}l:${id}`);
    return {
      ...(outcome ? { outcome: JSON.parse(outcome) as Outcome } : {}),
      ...(followed ? { followed: JSON.parse(followed) as TrackedLead } : {}),
    };
  } catch (error) {
    throw toStoreError(error, client);
  }
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}
