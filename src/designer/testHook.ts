// A small window hook for browser tests and benchmarks: read the current document and its issues, or open another document.
import type { Flow, Issue } from "../engine";
import type { DesignerStore } from "./store/store";

export interface LeadwireHook {
  getFlow(): Flow;
  getIssues(): readonly Issue[];
  openFlow(flow: Flow): void;
}

declare global {
  interface Window {
    __leadwire?: LeadwireHook;
  }
}

export function installTestHook(store: DesignerStore): void {
  window.__leadwire = {
    getFlow: () => store.getState().flow,
    getIssues: () => store.getState().validation.issues,
    openFlow: (flow) => store.getState().replaceFlow(flow),
  };
}
