// The main-thread client of the simulation worker: a promise per run, a progress callback and cancel().
import { translate, type Lang } from "../engine/i18n";
import { createInProcessWorker } from "./in-process-worker";
import "./messages";
import type { SimulationOptions, SimulationProgress, SimulationResult, WorkerLike } from "./worker-protocol";

export interface RunRequest extends SimulationOptions {
  onProgress?: (progress: SimulationProgress) => void;
}

export interface SimulationRun {
  readonly runId: number;
  /** Always resolves (errors are results); never rejects. */
  readonly result: Promise<SimulationResult>;
  /** Asks the worker to stop after the chunk in hand; the result becomes `cancelled`. */
  cancel(): void;
}

interface Pending {
  resolve: (result: SimulationResult) => void;
  onProgress?: (progress: SimulationProgress) => void;
  lang: Lang;
}

/** A module worker where the platform has one (Vite bundles this exact pattern), else the in-process stand-in. */
export function createSimulationWorker(): WorkerLike {
  if (typeof Worker === "undefined") return createInProcessWorker();
  return new Worker(new URL("./worker.ts", import.meta.url), { type: "module" }) as unknown as WorkerLike;
}

export class SimulationRunner {
  private worker: WorkerLike | null = null;
  private readonly pending = new Map<number, Pending>();
  private lastId = 0;

  constructor(private readonly createWorker: () => WorkerLike = createSimulationWorker) {}

  /** Starts a run; a run still going is cancelled first (only the newest run's result matters to the designer). */
  run(flow: unknown, leads: readonly unknown[], request: RunRequest = {}): SimulationRun {
    const { onProgress, ...options } = request;
    for (const id of this.pending.keys()) this.cancel(id);
    const runId = ++this.lastId;
    const lang = options.lang ?? "en";
    const result = new Promise<SimulationResult>((resolve) => {
      this.pending.set(runId, { resolve, onProgress, lang });
    });
    try {
      this.connect().postMessage({ type: "run", runId, flow, leads, options });
    } catch (error) {
      this.settle(runId, workerFailed(error, lang));
    }
    return { runId, result, cancel: () => this.cancel(runId) };
  }

  cancel(runId: number): void {
    if (this.pending.has(runId)) this.worker?.postMessage({ type: "cancel", runId });
  }

  /** Stops the worker; runs in flight resolve as cancelled. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const [runId, p] of this.pending) this.settle(runId, { kind: "cancelled", done: 0, total: 0, message: translate("sim.cancelled", { done: 0, total: 0 }, p.lang) });
  }

  private connect(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = ({ data }) => {
      if (data.type === "progress") this.pending.get(data.runId)?.onProgress?.(data.progress);
      else this.settle(data.runId, data.result);
    };
    worker.onerror = (event) => {
      // A worker that failed to load or crashed: every run in flight fails, and the next run starts a fresh worker.
      worker.terminate();
      if (this.worker === worker) this.worker = null;
      for (const [runId, p] of this.pending) this.settle(runId, workerFailed(event.message ?? "", p.lang));
    };
    this.worker = worker;
    return worker;
  }

  private settle(runId: number, result: SimulationResult): void {
    const p = this.pending.get(runId);
    if (!p) return;
    this.pending.delete(runId);
    p.resolve(result);
  }
}

function workerFailed(error: unknown, lang: Lang): SimulationResult {
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: "failed", message: translate("sim.worker_failed", { detail }, lang) };
}
