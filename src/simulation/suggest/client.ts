// Asks a fresh Web Worker for a suggestion (one worker per request, ended when it answers or is cancelled).
import type { SuggestRequest, SuggestResponse } from "./protocol";

export interface PendingSuggestion {
  readonly result: Promise<SuggestResponse>;
  readonly cancel: () => void;
}

let lastId = 0;

export function requestSuggestion(request: Omit<SuggestRequest, "id">): PendingSuggestion {
  const id = ++lastId;
  if (typeof Worker === "undefined") {
    // No worker (tests under jsdom): the same handler, a task later.
    let cancelled = false;
    const result = import("./handle").then(async ({ handleSuggest }) => {
      await new Promise((r) => setTimeout(r, 0));
      return cancelled ? { id, ok: false as const, error: "cancelled" } : handleSuggest({ ...request, id });
    });
    return { result, cancel: () => { cancelled = true; } };
  }
  const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
  let settle: (r: SuggestResponse) => void = () => {};
  const result = new Promise<SuggestResponse>((resolve) => { settle = resolve; });
  worker.onmessage = (e: MessageEvent<SuggestResponse>) => { settle(e.data); worker.terminate(); };
  worker.onerror = (e) => { settle({ id, ok: false, error: e.message || "worker error" }); worker.terminate(); };
  worker.postMessage({ ...request, id });
  return { result, cancel: () => { worker.terminate(); settle({ id, ok: false, error: "cancelled" }); } };
}
