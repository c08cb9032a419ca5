// The main-thread client of the simulation worker: a promise per run, a progress callback, cancel(), and one lead's trace on request.
import { translate } from "./messages";
import { type Lang, type Outcome } from "../engine";
import { createInProcessWorker } from "./in-process-worker";
import type {
  FirstLinesAnswer,
  OutcomeSlice,
  SimulationOptions,
  SimulationProgress,
  SimulationResult,
  StoriesAnswer,
  TraceAnswer,
  WireResult,
  WorkerLike,
} from "./worker-protocol";

export interface RunRequest extends SimulationOptions {
  onProgress?: (progress: SimulationProgress) => void;
}

export interface SimulationRun {
  readonly runId: number;
  /** Always resolves (errors are results); never rejects. Outcomes come without their trace: ask `trace(lead)`. */
  readonly result: Promise<SimulationResult>;
  /** Asks the worker to stop after the chunk in hand; the result becomes `cancelled`. */
  cancel(): void;
  /** The trace of the lead at this index of the outcomes, while this is the newest finished run of its runner. */
  trace(lead: number, lang?: Lang): Promise<TraceAnswer>;
  /** Every lead's first trace line (the CSV's `trace` column), on the same terms. */
  firstTraceLines(lang?: Lang): Promise<FirstLinesAnswer>;
  /** Every followed lead's owners and timeline (they stay in the worker with the traces), on the same terms. */
  stories(lang?: Lang): Promise<StoriesAnswer>;
}

interface Pending {
  resolve: (result: SimulationResult) => void;
  onProgress?: (progress: SimulationProgress) => void;
  lang: Lang;
  /** The outcomes so far, at their leads' input positions (they arrive with progress, in processing order). */
  outcomes: Outcome[] | null;
}

type Answer = TraceAnswer | FirstLinesAnswer | StoriesAnswer;

/** A module worker where the platform has one (Vite bundles this exact pattern), else the in-process stand-in. */
export function createSimulationWorker(): WorkerLike {
  if (typeof Worker === "undefined") return createInProcessWorker();
  return new Worker(new URL("./worker.ts", import.meta.url), { type: "module" }) as unknown as WorkerLike;
}

function place(into: Outcome[], slice: OutcomeSlice): void {
  const { at, from, outcomes } = slice;
  for (let k = 0; k < outcomes.length; k++) into[at ? (at[k] as number) : from + k] = outcomes[k] as Outcome;
}

export class SimulationRunner {
  private worker: WorkerLike | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly questions = new Map<number, { resolve: (answer: Answer) => void; runId: number; lang: Lang }>();
  private lastId = 0;
  private lastQuestion = 0;

  constructor(private readonly createWorker: () => WorkerLike = createSimulationWorker) {}

  /** Starts a run; a run still going is cancelled first (only the newest run's result matters to the designer). */
  run(flow: unknown, leads: readonly unknown[], request: RunRequest = {}): SimulationRun {
    const { onProgress, ...options } = request;
    for (const id of this.pending.keys()) this.cancel(id);
    const runId = ++this.lastId;
    const lang = options.lang ?? "en";
    const result = new Promise<SimulationResult>((resolve) => {
      this.pending.set(runId, { resolve, onProgress, lang, outcomes: null });
    });
    try {
      this.connect().postMessage({ type: "run", runId, flow, leads, options });
    } catch (error) {
      this.settle(runId, workerFailed(error, lang));
    }
    return {
      runId,
      result,
      cancel: () => this.cancel(runId),
      trace: (lead, answerLang = lang) => this.trace(runId, lead, answerLang),
      firstTraceLines: (answerLang = lang) => this.firstTraceLines(runId, answerLang),
      stories: (answerLang = lang) => this.stories(runId, answerLang),
    };
  }

  cancel(runId: number): void {
    if (this.pending.has(runId)) this.worker?.postMessage({ type: "cancel", runId });
  }

  /** One lead's trace from the worker; `gone` once a newer run has finished (the worker keeps only the newest run's traces). */
  trace(runId: number, lead: number, lang: Lang = "en"): Promise<TraceAnswer> {
    return this.ask<TraceAnswer>(lang, runId, (requestId) => ({ type: "trace", runId, requestId, lead, lang }));
  }

  firstTraceLines(runId: number, lang: Lang = "en"): Promise<FirstLinesAnswer> {
    return this.ask<FirstLinesAnswer>(lang, runId, (requestId) => ({ type: "first-lines", runId, requestId, lang }));
  }

  stories(runId: number, lang: Lang = "en"): Promise<StoriesAnswer> {
    return this.ask<StoriesAnswer>(lang, runId, (requestId) => ({ type: "stories", runId, requestId, lang }));
  }

  /** Stops the worker (and the traces it kept); runs in flight resolve as cancelled. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const [runId, p] of this.pending)
      this.settle(runId, { kind: "cancelled", done: 0, total: 0, message: translate("sim.cancelled", { done: 0, total: 0 }, p.lang) });
    this.answerAll((q) => translate("sim.trace_gone", { runId: q.runId }, q.lang));
  }

  private ask<A extends Answer>(
    lang: Lang,
    runId: number,
    message: (requestId: number) => Parameters<WorkerLike["postMessage"]>[0],
  ): Promise<A> {
    // No worker means its traces went with it (disposed, crashed or never started).
    if (!this.worker) return Promise.resolve({ kind: "gone", message: translate("sim.trace_gone", { runId }, lang) } as A);
    const requestId = ++this.lastQuestion;
    const answer = new Promise<A>((resolve) =>
      this.questions.set(requestId, { resolve: resolve as (answer: Answer) => void, runId, lang }),
    );
    this.worker.postMessage(message(requestId));
    return answer;
  }

  /** Questions the worker will never answer now are answered `gone`. */
  private answerAll(message: (question: { runId: number; lang: Lang }) => string): void {
    for (const q of this.questions.values()) q.resolve({ kind: "gone", message: message(q) });
    this.questions.clear();
  }

  private connect(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = ({ data }) => {
      switch (data.type) {
        case "progress": {
          const p = this.pending.get(data.runId);
          if (!p) return;
          place((p.outcomes ??= new Array<Outcome>(data.progress.total)), data.slice);
          p.onProgress?.(data.progress);
          return;
        }
        case "result":
          this.settle(data.runId, data.result);
          return;
        case "trace":
        case "first-lines":
        case "stories": {
          const question = this.questions.get(data.requestId);
          this.questions.delete(data.requestId);
          question?.resolve(data.answer);
        }
      }
    };
    worker.onerror = (event) => {
      // A worker that failed to load or crashed: every run in flight fails, and the next run starts a fresh worker.
      worker.terminate();
      if (this.worker === worker) this.worker = null;
      for (const [runId, p] of this.pending) this.settle(runId, workerFailed(event.message ?? "", p.lang));
      this.answerAll((q) => translate("sim.worker_failed", { detail: event.message ?? "" }, q.lang));
    };
    this.worker = worker;
    return worker;
  }

  private settle(runId: number, wire: WireResult): void {
    const p = this.pending.get(runId);
    if (!p) return;
    this.pending.delete(runId);
    p.resolve(wire.kind === "done" ? { ...wire, result: { outcomes: p.outcomes ?? [], ...wire.result } } : wire);
  }
}

function workerFailed(error: unknown, lang: Lang): SimulationResult {
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: "failed", message: translate("sim.worker_failed", { detail }, lang) };
}
