// Answers one suggestion request (in the worker, or on the calling thread where there is no worker).
import type { SuggestRequest, SuggestResponse } from "./protocol";
import { suggestScore } from "./suggest";

export function handleSuggest(req: SuggestRequest): SuggestResponse {
  const t0 = performance.now();
  try {
    const suggestion = suggestScore({ leads: req.leads, fields: req.fields, outcome: req.outcome, current: req.current, overrides: req.overrides, lang: req.lang, referenceTime: req.referenceTime });
    return { id: req.id, ok: true, suggestion, elapsedMs: performance.now() - t0 };
  } catch (error) {
    return { id: req.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
