// React access to the simulation's run store of the current designer, provided through context beside the designer store.
import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { RunState, RunStore } from "./runStore";

export const RunStoreContext = createContext<RunStore | null>(null);

export function useRunStore(): RunStore {
  const runs = useContext(RunStoreContext);
  if (!runs) throw new Error("useRunStore needs a <RunStoreContext.Provider>");
  return runs;
}

export function useRuns<T>(selector: (state: RunState) => T): T {
  return useStore(useRunStore(), selector);
}
