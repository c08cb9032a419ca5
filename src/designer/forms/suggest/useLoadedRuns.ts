// The Leads & Run panel's state for a form that may also be shown outside a designer (form tests): then nothing is loaded.
import { useContext } from "react";
import { useStore } from "zustand";
import { createStore } from "zustand/vanilla";
import { DesignerStoreContext } from "../../store/context";
import { initialRunState, runStoreOf, type RunState } from "../../simulation/runStore";

const NOTHING_LOADED = createStore<RunState>()(() => initialRunState());

export function useLoadedRuns<T>(selector: (state: RunState) => T): T {
  const store = useContext(DesignerStoreContext);
  return useStore(store ? runStoreOf(store) : NOTHING_LOADED, selector);
}
