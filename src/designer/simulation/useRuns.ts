// React access to the simulation's run store of the current designer.
import { useStore } from "zustand";
import { useDesignerStore } from "../store/context";
import { runStoreOf, type RunState, type RunStore } from "./runStore";

export function useRunStore(): RunStore {
  return runStoreOf(useDesignerStore());
}

export function useRuns<T>(selector: (state: RunState) => T): T {
  return useStore(useRunStore(), selector);
}
