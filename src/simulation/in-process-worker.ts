// A stand-in for the simulation worker running on the calling thread (Node tests, jsdom, browsers without module workers).
import { attachSimulationWorker } from "./worker-handler";
import type { SimulationRequest, SimulationResponse, WorkerLike, WorkerScope } from "./worker-protocol";
import { nextTask } from "./run-chunks";

/** Messages are structured-cloned and delivered on a later task, as a real worker would, so callers see the same behaviour. */
export function createInProcessWorker(): WorkerLike {
  let closed = false;
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message: SimulationRequest) {
      const copy = structuredClone(message);
      void nextTask().then(() => {
        if (!closed) scope.onmessage?.({ data: copy });
      });
    },
    terminate() {
      closed = true;
    },
  };
  const scope: WorkerScope = {
    onmessage: null,
    postMessage(message: SimulationResponse) {
      const copy = structuredClone(message);
      void nextTask().then(() => {
        if (!closed) worker.onmessage?.({ data: copy });
      });
    },
  };
  attachSimulationWorker(scope);
  return worker;
}
