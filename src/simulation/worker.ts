// The simulation's module Web Worker entry: `new Worker(new URL("./worker.ts", import.meta.url), { type: "module" })`.
import { attachSimulationWorker } from "./worker-handler";
import type { WorkerScope } from "./worker-protocol";

attachSimulationWorker(self as unknown as WorkerScope);
