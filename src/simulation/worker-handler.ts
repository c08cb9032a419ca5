// The worker side of the protocol: runs each request with `simulate`, posting progress and one result; cancel is a flag read between chunks.
import { simulate } from "./run-chunks";
import type { SimulationRequest, WorkerScope } from "./worker-protocol";

export function attachSimulationWorker(scope: WorkerScope): void {
  const active = new Set<number>();
  const cancelled = new Set<number>();

  async function run(request: Extract<SimulationRequest, { type: "run" }>): Promise<void> {
    const { runId } = request;
    active.add(runId);
    try {
      const result = await simulate(request.flow, request.leads, {
        ...request.options,
        onProgress: (progress) => scope.postMessage({ type: "progress", runId, progress }),
        isCancelled: () => cancelled.has(runId),
      });
      scope.postMessage({ type: "result", runId, result });
    } finally {
      active.delete(runId);
      cancelled.delete(runId);
    }
  }

  scope.onmessage = (event) => {
    const request = event.data;
    if (request.type === "cancel") {
      if (active.has(request.runId)) cancelled.add(request.runId);
    } else if (request.type === "run") {
      void run(request);
    }
  };
}
