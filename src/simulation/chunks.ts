// What a chunked simulation run shares with its parts (the plain run and the follow-up run): chunk size, hooks, yielding.
import type { OutcomeSlice, SimulationProgress, SimulationResult } from "./worker-protocol";

export const DEFAULT_CHUNK_SIZE = 5_000;

export interface ChunkHooks {
  onProgress?: (progress: SimulationProgress) => void;
  /** Each chunk's finished outcomes, just before its progress (the worker sends them back a slice at a time). */
  onOutcomes?: (slice: OutcomeSlice) => void;
  /** Checked between chunks; true stops the run. */
  isCancelled?: () => boolean;
  /** Awaited between chunks so a cancel message can arrive; default: the next task of the event loop. */
  pause?: () => Promise<void>;
  /** Milliseconds for timing (default performance.now). */
  clock?: () => number;
}

export type ChunkedRun = Extract<SimulationResult, { kind: "done" | "empty" | "cancelled" }>;

/** Yields to the event loop through a message channel (timers are clamped to 4 ms when nested; messages are not). */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === "undefined") return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
