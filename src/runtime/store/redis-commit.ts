// COMMIT's arguments from what a Redis batch changed: its fields, first outcomes, followed leads (each kept for the retention
// and until its next timer), notifications and the answers to the batches handed over.
import { nextTimer } from "../../engine";
import type { StateChanges } from "./state-view";
import type { BatchWrite } from "./types";

export interface CommitInput {
  readonly token: string;
  /** The flow's key prefix (redisKeys). */
  readonly prefix: string;
  readonly retentionMs: number;
  /** What to do with the lease (LeaseKeeper.keep). */
  readonly keep: string;
  readonly leaseMs: number;
  readonly changes: StateChanges;
  readonly written: BatchWrite;
  /** The answers to the batches handed over, as (channel, message) pairs. */
  readonly replies: readonly string[];
  /** The time the followed leads' times to live count from (ms). */
  readonly now: number;
}

/** COMMIT's arguments after its keys (see redis-scripts.ts). */
export function commitArgs({
  token,
  prefix,
  retentionMs,
  keep,
  leaseMs,
  changes,
  written,
  replies,
  now,
}: CommitInput): (string | number)[] {
  const args: (string | number)[] = [token, prefix, retentionMs, changes.seq ?? "", changes.followed ? "1" : "", keep, leaseMs];
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
    const until = Math.max(rec.last, Number.isFinite(next) ? next : 0) + retentionMs;
    args.push(id, JSON.stringify(rec), Math.max(1_000, until - now));
    timers.push(id, Number.isFinite(next) ? next : "");
  }
  args.push(timers.length / 2, ...timers);
  const notify = written.notify ?? [];
  args.push(notify.length, ...notify.map((m) => JSON.stringify(m)));
  args.push(replies.length / 2, ...replies);
  return args;
}
