// Simulates a flow with a follow-up step: imported events plus the response model's touches, run to a consistent story.
import { parseEventList, toTime, type CompiledFlow, type Lang, type Outcome, type RunOptions, type RunResult } from "../engine";
import { translate } from "./messages";
import { makeResponseModel, MODEL_EVENT_PREFIX, type CurvePoint } from "./response-model";
import { DEFAULT_CHUNK_SIZE, type ChunkHooks, type ChunkedRun } from "./chunks";
import type { OutcomeSlice, SimulationProgress } from "./worker-protocol";

/** Without an explicit end, the simulation runs this long after the last lead or event, so deadlines and tasks play out. */
export const STORY_TAIL_DAYS = 30;

export interface FollowUpOptions {
  /** Events of the real world (an imported file): they replace the model for every lead they name. */
  events?: readonly unknown[];
  /** The lead field with the known outcome; the model then closes or converts each lead after its touch. */
  outcomeField?: string;
  /** The assumption curve (conversion lowered by slow answers); absent or null = off. */
  curve?: readonly CurvePoint[] | null;
  /** false: no model at all, only the given events (as the CLI does). Default true. */
  model?: boolean;
}

export interface FollowUpRunOptions extends ChunkHooks, FollowUpOptions {
  /** Outcomes per slice sent back at the end (default 5,000). */
  chunkSize?: number;
  state?: unknown;
  now?: string | number;
  trace?: boolean;
  lang?: Lang;
  seed?: number;
}

const hasOwn = Object.prototype.hasOwnProperty;
const DAY = 86_400_000;

/** The id the engine gives lead `i` of one batch (a missing id is `row-<i+1>`). */
function engineId(lead: unknown, i: number): string {
  if (lead && typeof lead === "object" && !Array.isArray(lead)) {
    const id = hasOwn.call(lead, "id") ? (lead as Record<string, unknown>).id : undefined;
    if (typeof id === "string" && id.trim() !== "") return id;
    if (typeof id === "number" && Number.isFinite(id)) return String(id);
  }
  return `row-${i + 1}`;
}

function leadTime(lead: unknown): number {
  if (!lead || typeof lead !== "object" || !hasOwn.call(lead, "createdAt")) return Number.NaN;
  return toTime((lead as Record<string, unknown>).createdAt);
}

/** The end of the story: the last lead or event plus STORY_TAIL_DAYS, or the reference time when nothing is dated. */
export function storyEnd(leads: readonly unknown[], events: readonly { at: number }[], reference: number): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const lead of leads) {
    const t = leadTime(lead);
    if (t > last) last = t;
  }
  for (const e of events) if (e.at > last) last = e.at;
  return Number.isFinite(last) ? Math.max(reference, last + STORY_TAIL_DAYS * DAY) : reference;
}

/**
 * Runs leads with events through a flow with a follow-up step, as one engine run (the time-ordered run is exact only
 * over the whole story). The model's touches depend on who owns the lead when, which the run decides: the engine asks
 * the model for a lead's events each time the lead gets an owner (eventsOnAssign), so one pass tells a consistent story.
 * Returns outcomes at their leads' input positions; a lead the run did not enter (a repeated id, or dated after the end)
 * gets an error outcome saying so.
 */
export async function runFollowUp(compiled: CompiledFlow, leads: readonly unknown[], options: FollowUpRunOptions): Promise<ChunkedRun> {
  const lang = options.lang ?? "en";
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const imported = options.events ?? [];
  const parsed = parseEventList(imported, lang).events;
  const reference = toTime(compiled.flow.settings?.referenceTime ?? Date.now());
  const now = options.now ?? new Date(storyEnd(leads, parsed, reference)).toISOString();
  const total = leads.length;
  const model =
    options.model !== false
      ? makeResponseModel(compiled.flow, { seed: options.seed, outcomeField: options.outcomeField, curve: options.curve })
      : null;
  let eventsOnAssign: RunOptions["eventsOnAssign"];
  if (model) {
    const named = new Set(parsed.map((e) => e.lead));
    // The data only matters with an outcome field (the model reads the known outcome from it).
    const dataOf = new Map<string, Readonly<Record<string, unknown>>>();
    if (options.outcomeField)
      leads.forEach((lead, i) => {
        if (lead && typeof lead === "object" && !Array.isArray(lead)) dataOf.set(engineId(lead, i), lead as Record<string, unknown>);
      });
    // A lead named in the imported events follows them, not the model.
    eventsOnAssign = (id, owners) => (named.has(id) ? [] : model.eventsFor(id, dataOf.get(id), owners));
  }

  const progress = (done: number): SimulationProgress => {
    const elapsedMs = clock() - started;
    return { done, total, elapsedMs, leadsPerSecond: Math.round((done * 1000) / Math.max(elapsedMs, 1)) };
  };

  const run = compiled.run(leads, { events: imported, eventsOnAssign, state: options.state, now, trace: options.trace, lang });
  if (options.isCancelled?.()) return { kind: "cancelled", done: 0, total, message: translate("sim.cancelled", { done: 0, total }, lang) };
  const outcomes = placeOutcomes(leads, run.outcomes, toTime(now), lang);
  // Sent back in slices, as the chunked run does: one 100k-outcome message would stall the page while it is read.
  const size = Math.max(1, Math.floor(options.chunkSize ?? DEFAULT_CHUNK_SIZE));
  for (let from = 0; from < total; from += size) {
    const to = Math.min(total, from + size);
    const slice: OutcomeSlice = { from, outcomes: outcomes.slice(from, to) };
    options.onOutcomes?.(slice);
    options.onProgress?.(progress(to));
  }
  const { elapsedMs, leadsPerSecond } = progress(total);
  const warnings = run.warnings?.filter((w) => !w.event?.startsWith(MODEL_EVENT_PREFIX));
  const notDue = run.notDue && { leads: run.notDue.leads, events: run.notDue.events.filter((id) => !id.startsWith(MODEL_EVENT_PREFIX)) };
  const finished: RunResult = { outcomes, summary: run.summary, state: run.state };
  if (warnings) finished.warnings = warnings;
  if (notDue) finished.notDue = notDue;
  return { kind: "done", result: finished, warnings: [], elapsedMs, leadsPerSecond };
}

/**
 * One outcome per input lead, in input order: the engine lists the input leads' outcomes in input order, skipping a
 * lead it did not enter; outcomes of leads from a saved state (not in this input) are not placed (they have no row).
 */
function placeOutcomes(leads: readonly unknown[], outcomes: readonly Outcome[], now: number, lang: Lang): Outcome[] {
  const placed = new Array<Outcome>(leads.length);
  const seen = new Set<string>();
  let p = 0;
  for (let i = 0; i < leads.length; i++) {
    const id = engineId(leads[i], i);
    const next = outcomes[p];
    if (next && next.id === id && (next.status === "error" || !seen.has(id))) {
      placed[i] = next;
      seen.add(id);
      p++;
      continue;
    }
    const error = seen.has(id)
      ? translate("sim.not_run_repeated", { id }, lang)
      : translate("sim.not_run_after_end", { id, end: new Date(now).toISOString() }, lang);
    placed[i] = { id, status: "error", path: [], notifications: [], error, owners: [], timeline: [] };
  }
  return placed;
}
