// Simulates a flow with a follow-up step: imported events plus the response model's touches, run to a consistent story.
import {
  compileFlow,
  parseEventList,
  specOf,
  toTime,
  type CompiledFlow,
  type Lang,
  type Outcome,
  type RunResult,
  type OwnerEntry,
} from "../engine";
import { translate } from "./messages";
import { makeResponseModel, MODEL_EVENT_PREFIX, type CurvePoint, type ModelEvent } from "./response-model";
import { DEFAULT_CHUNK_SIZE, type ChunkHooks, type ChunkedRun } from "./chunks";
import type { OutcomeSlice, SimulationProgress } from "./worker-protocol";

/** Without an explicit end, the simulation runs this long after the last lead or event, so deadlines and tasks play out. */
export const STORY_TAIL_DAYS = 30;
/**
 * The model's touches depend on who owns the lead when, which the run decides; each pass draws touches for the owners
 * the previous pass gave, until a pass gives the owners it was drawn for (usually the third). Bounded for safety.
 */
export const MAX_MODEL_PASSES = 6;

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

const signature = (owners: readonly OwnerEntry[] | undefined) => (owners ?? []).map((o) => `${o.owner}@${o.at}`).join(",");

/**
 * Runs leads with events through a flow with a follow-up step, as one engine run (the time-ordered run is exact only
 * over the whole story), repeated while the model's touches change who owns what. Returns outcomes at their leads'
 * input positions; a lead the run did not enter (a repeated id, or dated after the end) gets an error outcome saying so.
 */
export async function runFollowUp(compiled: CompiledFlow, leads: readonly unknown[], options: FollowUpRunOptions): Promise<ChunkedRun> {
  const lang = options.lang ?? "en";
  const clock = options.clock ?? (() => performance.now());
  const pause = options.pause;
  const started = clock();
  const imported = options.events ?? [];
  const parsed = parseEventList(imported, lang).events;
  const reference = toTime(compiled.flow.settings?.referenceTime ?? Date.now());
  const now = options.now ?? new Date(storyEnd(leads, parsed, reference)).toISOString();
  const total = leads.length;
  const useModel = options.model !== false;
  const named = new Set(parsed.map((e) => e.lead));
  const model = useModel
    ? makeResponseModel(compiled.flow, { seed: options.seed, outcomeField: options.outcomeField, curve: options.curve })
    : null;
  const dataOf = new Map<string, Readonly<Record<string, unknown>>>();
  if (model)
    leads.forEach((lead, i) => {
      if (lead && typeof lead === "object" && !Array.isArray(lead)) dataOf.set(engineId(lead, i), lead as Record<string, unknown>);
    });

  const progress = (done: number): SimulationProgress => {
    const elapsedMs = clock() - started;
    return { done, total, elapsedMs, leadsPerSecond: Math.round((done * 1000) / Math.max(elapsedMs, 1)) };
  };

  let generated: ModelEvent[] = [];
  let reported = 0;
  let drawnFor = new Map<string, string>();
  if (model) {
    // A first guess of each lead's first owner from a quick run without the waits saves the pass in which nobody answers.
    const guess = firstOwners(compiled, leads, now, lang);
    for (const [id, owners] of guess) {
      if (named.has(id)) continue;
      drawnFor.set(id, signature(owners));
      generated.push(...model.eventsFor(id, dataOf.get(id), owners));
    }
  }
  let result: RunResult | null = null;
  for (let pass = 1; pass <= (model ? MAX_MODEL_PASSES : 1); pass++) {
    if (pass > 1) {
      await (pause ?? (() => Promise.resolve()))();
      if (options.isCancelled?.())
        return { kind: "cancelled", done: 0, total, message: translate("sim.cancelled", { done: 0, total }, lang) };
    }
    result = compiled.run(leads, {
      events: generated.length > 0 ? [...imported, ...generated] : imported,
      state: options.state,
      now,
      trace: options.trace,
      lang,
    });
    if (!model) break;
    const next = new Map<string, string>();
    const events: ModelEvent[] = [];
    for (const o of result.outcomes) {
      if (named.has(o.id) || !o.owners || o.owners.length === 0) continue;
      next.set(o.id, signature(o.owners));
      events.push(...model.eventsFor(o.id, dataOf.get(o.id), o.owners));
    }
    const settled = next.size === drawnFor.size && [...next].every(([id, sig]) => drawnFor.get(id) === sig);
    if (settled) break;
    generated = events;
    drawnFor = next;
    reported = Math.min(total - 1, Math.round((total * pass) / (pass + 1)));
    options.onProgress?.(progress(reported));
  }
  const run = result as RunResult;
  const outcomes = placeOutcomes(leads, run.outcomes, toTime(now), lang);
  // Sent back in slices, as the chunked run does: one 100k-outcome message would stall the page while it is read.
  const size = Math.max(1, Math.floor(options.chunkSize ?? DEFAULT_CHUNK_SIZE));
  for (let from = 0; from < total; from += size) {
    const to = Math.min(total, from + size);
    const slice: OutcomeSlice = { from, outcomes: outcomes.slice(from, to) };
    options.onOutcomes?.(slice);
    options.onProgress?.(progress(Math.max(reported, to)));
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
 * Each lead's owner when it first reaches a follow-up step, from the flow with its follow-up steps taken out (the fast
 * run, no time): exact unless a breach elsewhere changes later picks (loads, exclusions); the passes correct that.
 */
function firstOwners(compiled: CompiledFlow, leads: readonly unknown[], now: string | number, lang: Lang): Map<string, OwnerEntry[]> {
  const flow = compiled.flow;
  const holding = new Set(flow.nodes.filter((n) => specOf(n).holdsLeads === true).map((n) => n.id));
  const cut = {
    ...flow,
    nodes: flow.nodes.filter((n) => !holding.has(n.id)),
    edges: flow.edges.filter((e) => !holding.has(e.source) && !holding.has(e.target)),
  };
  const owners = new Map<string, OwnerEntry[]>();
  let outcomes: Outcome[];
  try {
    outcomes = compileFlow(cut, { lang }).run(leads, { now, lang }).outcomes;
  } catch {
    return owners; // the flow without its follow-up steps does not validate: no guess, the first pass starts from nobody
  }
  const fallback = toTime(now);
  outcomes.forEach((o, i) => {
    if (!o.owner || owners.has(o.id)) return;
    const t = leadTime(leads[i]);
    owners.set(o.id, [{ owner: o.owner, at: new Date(Number.isNaN(t) ? fallback : t).toISOString(), why: "assigned" }]);
  });
  return owners;
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
