// A load client like a CRM's webhook sender behind a load balancer: bounded concurrency, failed requests retried on another process.
import type { Outcome } from "../../src/engine";
import { bodyOf, type Lead } from "./flows";

export interface Target {
  readonly url: string;
  /** A target that refused a connection is taken out, as a load balancer's health check would. */
  alive: boolean;
}

export interface LoadOptions {
  concurrency: number;
  /** Give up on a request after this long (a test failure, not a normal outcome). */
  deadlineMs?: number;
  /** Every answer: its HTTP status (0 for a connection error) and how long it took. */
  onAnswer?: (status: number, ms: number) => void;
  /** Requests answered so far, for tests that act mid-load. */
  onProgress?: (done: number) => void;
}

export interface LoadResult {
  /** The first outcome seen per lead id. */
  readonly outcomes: Map<string, Outcome>;
  /** Ids whose outcome differed between two answers (must stay empty: a lead is routed once). */
  readonly mismatches: string[];
  retries: number;
}

export function record(into: LoadResult, outcomes: readonly Outcome[]): void {
  for (const o of outcomes) {
    const seen = into.outcomes.get(o.id);
    if (!seen) into.outcomes.set(o.id, o);
    else if (JSON.stringify(seen) !== JSON.stringify(o)) into.mismatches.push(o.id);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Posts every request once successfully (retrying on another live target after a failure); 4xx answers throw. */
export async function postAll(
  requests: readonly (readonly Lead[])[],
  targets: Target[],
  options: LoadOptions,
  into?: LoadResult,
): Promise<LoadResult> {
  const result: LoadResult = into ?? { outcomes: new Map(), mismatches: [], retries: 0 };
  const deadline = Date.now() + (options.deadlineMs ?? 60_000);
  let next = 0;
  let done = 0;
  let turn = 0;
  const pick = () => {
    const live = targets.filter((t) => t.alive);
    if (live.length === 0) throw new Error("no live target left");
    return live[turn++ % live.length] as Target;
  };

  async function send(leads: readonly Lead[]): Promise<void> {
    const body = bodyOf(leads);
    for (let attempt = 0; ; attempt++) {
      if (Date.now() > deadline) throw new Error(`request of ${leads.length} lead(s) not answered before the deadline`);
      const target = pick();
      const started = Date.now();
      let status = 0;
      try {
        const res = await fetch(`${target.url}/v1/leads`, { method: "POST", headers: { "content-type": "application/json" }, body });
        status = res.status;
        const answer = (await res.json()) as { outcomes?: Outcome[]; error?: string };
        options.onAnswer?.(status, Date.now() - started);
        if (status === 200 && answer.outcomes) {
          record(result, answer.outcomes);
          return;
        }
        if (status < 500) throw new Error(`unexpected ${status}: ${JSON.stringify(answer)}`);
      } catch (error) {
        if (status >= 400 && status < 500) throw error;
        if (status === 0) {
          options.onAnswer?.(0, Date.now() - started);
          target.alive = false;
        }
      }
      result.retries++;
      await sleep(20 + Math.random() * 80);
    }
  }

  async function worker(): Promise<void> {
    while (next < requests.length) {
      const leads = requests[next++] as Lead[];
      await send(leads);
      options.onProgress?.(++done);
    }
  }

  await Promise.all(Array.from({ length: Math.min(options.concurrency, requests.length) }, worker));
  return result;
}

/** Sums one metric (all label sets matching `labels`) over the Prometheus text of several processes. */
export async function metricTotal(urls: readonly string[], name: string, labels = ""): Promise<number> {
  let total = 0;
  for (const url of urls) {
    const text = await (await fetch(`${url}/metrics`)).text();
    for (const line of text.split("\n")) {
      if (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) {
        if (labels && !line.includes(labels)) continue;
        total += Number(line.slice(line.lastIndexOf(" ") + 1));
      }
    }
  }
  return total;
}
