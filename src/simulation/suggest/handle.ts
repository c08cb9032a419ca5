// Answers one suggestion request, whole or one part (in a worker, or on the calling thread where there is no worker).
import type { SuggestRequest, SuggestResponse } from "./protocol";
import { suggestPart, suggestScore, type SuggestInput } from "./suggest";

export function handleSuggest(req: SuggestRequest): SuggestResponse {
  const t0 = performance.now();
  const input: SuggestInput = {
    leads: req.leads,
    fields: req.fields,
    outcome: req.outcome,
    current: req.current,
    overrides: req.overrides,
    lang: req.lang,
    referenceTime: req.referenceTime,
  };
  try {
    if (!req.part) return { id: req.id, ok: true, suggestion: suggestScore(input), elapsedMs: performance.now() - t0 };
    const answer = suggestPart(input, req.part);
    const elapsedMs = performance.now() - t0;
    return "config" in answer ? { id: req.id, ok: true, suggestion: answer, elapsedMs } : { id: req.id, ok: true, fold: answer, elapsedMs };
  } catch (error) {
    return { id: req.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
