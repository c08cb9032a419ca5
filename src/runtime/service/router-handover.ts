// Route batches handed to the process holding the flow's lease, on their way: each request answered when the answer comes
// back, or decided here again when none came in time (the holder died), or given up after 5 s.
import type { Outcome } from "../../engine";
import { StoreBusyError } from "../store/types";
import type { Pending } from "./router-queue";
import type { BatchReport } from "./router-types";

/** A request handed to another process and not answered (it died, twice) is given up after this long: 503 "busy". */
const HANDED_OVER_MAX_MS = 5_000;

/** What the batches on their way need from the router. */
export interface HandOverRouting {
  /** No answer came in time: these requests are to be decided by this process, before the others queued. */
  retry(requests: Pending[]): void;
  report(report: BatchReport): void;
}

export class HandedOver {
  private readonly onTheirWay = new Set<Promise<void>>();

  constructor(private readonly router: HandOverRouting) {}

  /** How many batches wait for their answer. */
  get size(): number {
    return this.onTheirWay.size;
  }

  /** The batches waiting for their answer, each settled once its requests are answered (or queued again). */
  all(): Promise<void>[] {
    return [...this.onTheirWay];
  }

  /** A batch on its way to the process holding the lease: the next one may follow before its answer comes back. */
  add(answer: Promise<string | undefined>, batch: Pending[], flowId: string, leads: number, started: number): void {
    const done = this.answered(answer, batch, flowId, leads, started).finally(() => this.onTheirWay.delete(done));
    this.onTheirWay.add(done);
  }

  /** Answers a batch handed over; without an answer in time (the holder died) it is decided here, or given up after 5 s. */
  private async answered(
    answer: Promise<string | undefined>,
    batch: Pending[],
    flowId: string,
    leads: number,
    started: number,
  ): Promise<void> {
    const text = await answer;
    if (text === undefined) {
      const now = performance.now();
      const retry = batch.filter((p) => now - p.since < HANDED_OVER_MAX_MS);
      for (const p of batch) if (!retry.includes(p)) p.reject(new StoreBusyError(2));
      this.router.retry(retry);
      return;
    }
    let answers: Outcome[][];
    try {
      answers = JSON.parse(text) as Outcome[][];
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => p.resolve(answers[i] ?? []));
    const ms = performance.now() - started;
    this.router.report({ flowId, leads, fresh: [], replayed: 0, capOverflows: 0, attempts: 1, waits: 0, ms, forwarded: true });
  }
}
