// Asks Web Workers for a suggestion: the rules and each fold's check spread over up to (cores − 1) workers, ended when
// they answer or the request is cancelled. Where there is no Worker (jsdom), the same handler runs a task later.
import { toBoolean } from "../../engine";
import type { SuggestRequest, SuggestResponse } from "./protocol";
import { suggestParts, withFolds, type FoldAuc, type SuggestPart } from "./parts";
import type { ScoreSuggestion } from "./suggest";

export type SuggestAnswer =
  { readonly ok: true; readonly suggestion: ScoreSuggestion; readonly elapsedMs: number } | { readonly ok: false; readonly error: string };

export interface PendingSuggestion {
  readonly result: Promise<SuggestAnswer>;
  readonly cancel: () => void;
}

const MAX_WORKERS = 6;
let lastId = 0;

function workerCount(): number {
  const cores = typeof navigator !== "undefined" && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(MAX_WORKERS, cores - 1));
}

export function requestSuggestion(request: Omit<SuggestRequest, "id" | "part">): PendingSuggestion {
  const id = ++lastId;
  const t0 = performance.now();
  if (typeof Worker === "undefined") {
    let cancelled = false;
    const result = import("./handle").then(async ({ handleSuggest }): Promise<SuggestAnswer> => {
      await new Promise((r) => setTimeout(r, 0));
      if (cancelled) return { ok: false, error: "cancelled" };
      const r = handleSuggest({ ...request, id });
      return r.ok && "suggestion" in r
        ? { ok: true, suggestion: r.suggestion, elapsedMs: r.elapsedMs }
        : { ok: false, error: r.ok ? "no suggestion" : r.error };
    });
    return {
      result,
      cancel: () => {
        cancelled = true;
      },
    };
  }
  const known = request.leads.reduce((n, lead) => n + (toBoolean(lead[request.outcome]) === null ? 0 : 1), 0);
  // Each part repeats the column preparation, so with one worker the whole request in one piece is cheaper.
  const queue: (SuggestPart | null)[] = workerCount() > 1 ? suggestParts(known, {}) : [null];
  const workers = Array.from(
    { length: Math.min(workerCount(), queue.length) },
    () => new Worker(new URL("./worker.ts", import.meta.url), { type: "module" }),
  );
  const stop = () => {
    for (const w of workers) w.terminate();
  };
  let settle: (r: SuggestAnswer) => void = () => {};
  const result = new Promise<SuggestAnswer>((resolve) => {
    settle = (r) => {
      stop();
      resolve(r);
    };
  });
  let final: ScoreSuggestion | null = null;
  const folds: FoldAuc[] = [];
  let outstanding = queue.length;
  const next = (w: Worker) => {
    if (queue.length === 0) return;
    const part = queue.shift();
    w.postMessage(part ? ({ ...request, id, part } satisfies SuggestRequest) : ({ ...request, id } satisfies SuggestRequest));
  };
  for (const w of workers) {
    w.onmessage = (e: MessageEvent<SuggestResponse>) => {
      const r = e.data;
      if (!r.ok) {
        settle({ ok: false, error: r.error });
        return;
      }
      if ("suggestion" in r) final = r.suggestion;
      else folds.push(r.fold);
      // The whole request answers with its folds inside; parts answer with none, and the folds come one by one.
      outstanding--;
      if (outstanding === 0 && final)
        settle({ ok: true, suggestion: folds.length > 0 ? withFolds(final, folds) : final, elapsedMs: performance.now() - t0 });
      else next(w);
    };
    w.onerror = (e) => settle({ ok: false, error: e.message || "worker error" });
    next(w);
  }
  return { result, cancel: () => settle({ ok: false, error: "cancelled" }) };
}
