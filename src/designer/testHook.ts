// A small window hook for browser tests and benchmarks: read the current document and its issues, or open another document.
/// <reference types="vite/client" />
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

/**
 * On in the dev server (the browser tests run on it) and in builds made with VITE_TEST_HOOK=1 (the benchmarks);
 * a production build has neither, so it ships no back door into the document.
 */
export const TEST_HOOK_ENABLED = import.meta.env.DEV || import.meta.env.VITE_TEST_HOOK === "1";

export function installTestHook(store: DesignerStore): void {
  if (!TEST_HOOK_ENABLED) return;
  window.__leadwire = {
    getFlow: () => store.getState().flow,
    getIssues: () => store.getState().validation.issues,
    openFlow: (flow) => store.getState().replaceFlow(flow),
  };
}
