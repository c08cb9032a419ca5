// Checks a POST /v1/events body as a whole before anything is applied: every problem listed with its place (`events[3].at`).
import { translate, type RuntimeCode } from "../texts";
import { parseEventList, type Lang, type LeadEvent, type MessageParams } from "../../engine";
import type { BodyProblem } from "./validate-body";

export const MAX_EVENTS = 1_000;
/** An event may be dated this far after the server's clock (clocks of CRMs and servers differ a little). */
export const CLOCK_SKEW_MS = 60_000;

export type ParsedEvents = { ok: true; events: LeadEvent[] } | { ok: false; status: 400 | 413; problems: BodyProblem[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function problem(code: RuntimeCode, path: string, params: MessageParams, lang: Lang): BodyProblem {
  return { code, path, message: translate(code, { path, ...params }, lang) };
}

/** One event object, or `{ "events": [...] }`; ids required and unique, times readable and not in the future. */
export function parseEventsBody(body: unknown, now: number, lang: Lang = "en", maxEvents = MAX_EVENTS): ParsedEvents {
  if (!isRecord(body)) return { ok: false, status: 400, problems: [problem("service.events_shape", "$", {}, lang)] };
  const single = !Object.prototype.hasOwnProperty.call(body, "events");
  const list: unknown = single ? [body] : body.events;
  if (!Array.isArray(list)) return { ok: false, status: 400, problems: [problem("service.events_not_list", "events", {}, lang)] };
  if (list.length > maxEvents)
    return {
      ok: false,
      status: 413,
      problems: [problem("service.too_many_events", "events", { max: maxEvents, count: list.length }, lang)],
    };
  const at = (i: number) => (single ? "$" : `events[${i}]`);
  const problems: BodyProblem[] = [];
  const seen = new Set<string>();
  list.forEach((item: unknown, i) => {
    const id = isRecord(item) ? item.id : undefined;
    if (typeof id !== "string" || id.trim() === "") problems.push(problem("service.event_id", at(i), {}, lang));
    else if (seen.has(id)) problems.push(problem("service.event_duplicate", at(i), { id }, lang));
    else seen.add(id);
  });
  // The engine's own reader: the same checks and words as an events file in the designer and the CLI.
  const parsed = parseEventList(list, lang);
  for (const w of parsed.warnings) problems.push({ code: w.code, path: at(w.row - 1), message: w.message });
  parsed.events.forEach((e) => {
    if (e.at > now + CLOCK_SKEW_MS) {
      const i = list.findIndex((item) => isRecord(item) && item.id === e.id);
      problems.push(problem("service.event_future", at(i), { at: new Date(e.at).toISOString(), now: new Date(now).toISOString() }, lang));
    }
  });
  return problems.length > 0 ? { ok: false, status: 400, problems } : { ok: true, events: parsed.events };
}
