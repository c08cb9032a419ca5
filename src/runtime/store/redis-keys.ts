// The Redis keys one flow writes, each with what it holds; documented in docs/runtime.md.

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
    /** List, never in the AOF: batches other processes handed to the lease holder (see redis-scripts.ts). */
    inbox: `${base}inbox`,
  };
}
