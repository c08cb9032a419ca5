// The route requests waiting for a batch, and how a batch takes them: whole requests that share its reference time, up to
// the batch size.
import type { Outcome } from "../../engine";
import type { RouteOptions, ServiceLead } from "./router-types";

/** A route request waiting for its outcomes. */
export interface Pending {
  readonly leads: readonly ServiceLead[];
  readonly options: RouteOptions;
  /** When the request was queued (performance.now()). */
  readonly since: number;
  resolve(outcomes: Outcome[]): void;
  reject(error: unknown): void;
}

export class RequestQueue {
  private readonly queue: Pending[] = [];

  /** A batch takes whole requests until it holds at least `maxBatchLeads` leads. */
  constructor(private readonly maxBatchLeads: number) {}

  get length(): number {
    return this.queue.length;
  }

  push(request: Pending): void {
    this.queue.push(request);
  }

  /** Puts requests back at the front, to be taken first (a batch handed over that got no answer in time). */
  putBack(requests: readonly Pending[]): void {
    this.queue.unshift(...requests);
  }

  /** Adds to `batch` whole requests from the queue that share its reference time, up to the batch size; true if it grew. */
  takeInto(batch: Pending[]): boolean {
    const first = batch[0] ?? this.queue[0];
    if (!first) return false;
    let size = batch.reduce((n, p) => n + p.leads.length, 0);
    const before = batch.length;
    for (let i = 0; i < this.queue.length && size < this.maxBatchLeads;) {
      const next = this.queue[i] as Pending;
      if (next.options.now !== first.options.now) {
        i++;
        continue;
      }
      batch.push(next);
      size += next.leads.length;
      this.queue.splice(i, 1);
    }
    return batch.length > before;
  }
}
