// The Leads & Run panel's state for a form that may also be shown outside a designer (form tests): then nothing is loaded.
import { useContext } from "react";
import { useStore } from "zustand";
import { createRunStore, type RunState } from "../../simulation/runStore";
import { RunStoreContext } from "../../simulation/useRuns";

const NOTHING_LOADED = createRunStore();

export function useLoadedRuns<T>(selector: (state: RunState) => T): T {
  return useStore(useContext(RunStoreContext) ?? NOTHING_LOADED, selector);
}
