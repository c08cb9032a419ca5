// The simulation's core loop, pure and worker-free: validate, then run leads in chunks carrying state, with progress and cancel.
import { translate } from "./messages";
import {
  compileFlow,
  FlowValidationError,
  type CompiledFlow,
  type RunOptions,
  type RunResult,
  toTime,
  FlowLoadError,
  loadProblemIssues,
  type Lang,
  type Outcome,
  summarise,
  holdsLeads,
} from "../engine";
import { runFollowUp } from "./follow-up-run";
import { nodeRegistry } from "../../nodes";
import type { SimulationOptions, SimulationProgress, SimulationResult } from "./worker-protocol";
import { type ChunkHooks, type ChunkedRun, DEFAULT_CHUNK_SIZE, nextTask } from "./chunks";

export { DEFAULT_CHUNK_SIZE, nextTask, type ChunkHooks, type ChunkedRun } from "./chunks";

export type ChunkOptions = Omit<RunOptions, "now"> & Pick<SimulationOptions, "now" | "chunkSize"> & ChunkHooks;

const hasOwn = Object.prototype.hasOwnProperty;

/** The engine's processing order (ascending createdAt, ties in input order), so chunk boundaries never reorder leads. */
function processingOrder(leads: readonly unknown[], now: number): Int32Array | null {
  const n = leads.length;
  const times = new Float64Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const lead = leads[i];
    const raw =
      lead && typeof lead === "object" && hasOwn.call(lead, "createdAt") ? (lead as Record<string, unknown>).createdAt : undefined;
    const t = raw === undefined || raw === null || raw === "" ? now : toTime(raw);
    // A lead the engine cannot read becomes an error outcome and touches no state, so its place does not matter.
    times[i] = Number.isNaN(t) ? now : t;
    if (i > 0 && (times[i] as number) < (times[i - 1] as number)) sorted = false;
  }
  if (sorted) return null;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  return Int32Array.from(order);
}

/**
 * The engine names a lead without a usable id `row-<n>` after its place in the batch it was given; a chunk is a smaller
 * batch, so such a lead gets its name from the whole list before its chunk runs. Which leads the engine renames is
 * asked of the engine itself (a one-lead run, only for the rare lead whose id is not plain text), never re-decided here.
 */
function withListId(compiled: CompiledFlow, lead: unknown, index: number, run: RunOptions): { lead: unknown; filled: boolean } {
  if (!lead || typeof lead !== "object" || Array.isArray(lead)) return { lead, filled: false };
  const record = lead as Record<string, unknown>;
  const id = hasOwn.call(record, "id") ? record.id : undefined;
  if (typeof id === "string" && id.trim() !== "") return { lead, filled: false };
  if (compiled.run([lead], { now: run.now, lang: run.lang }).outcomes[0]?.id !== "row-1") return { lead, filled: false };
  return { lead: Object.assign({}, record, { id: `row-${index + 1}` }), filled: true };
}

/** Puts the engine's missing-id warning where the engine puts it: first, before the trace; error outcomes carry none. */
function noteFilledId(outcome: Outcome, lang: Lang): Outcome {
  if (outcome.error !== undefined) return outcome;
  const warning = translate("run.missing_id", { id: outcome.id }, lang);
  if (outcome.warnings) {
    outcome.warnings.unshift(warning);
    return outcome;
  }
  const { trace, ...rest } = outcome;
  const noted: Outcome = { ...rest, warnings: [warning] };
  if (trace) noted.trace = trace;
  return noted;
}

function addCounts(into: Map<string, Record<string, number>>, entered: Map<string, number>, result: RunResult): void {
  for (const [nodeId, totals] of Object.entries(result.summary.nodes)) {
    entered.set(nodeId, (entered.get(nodeId) ?? 0) + totals.in);
    const ports = into.get(nodeId) ?? {};
    for (const [port, n] of Object.entries(totals.out)) ports[port] = (ports[port] ?? 0) + n;
    into.set(nodeId, ports);
  }
}

/** Port counts in each node type's port order, as one run lists them (JSON exports compare as text). */
function inPortOrder(compiled: CompiledFlow, ports: ReadonlyMap<string, Record<string, number>>): Map<string, Record<string, number>> {
  const ordered = new Map<string, Record<string, number>>();
  for (const node of compiled.flow.nodes) {
    const counts = ports.get(node.id) ?? {};
    const out: Record<string, number> = {};
    for (const port of nodeRegistry[node.type].ports.out) if (counts[port]) out[port] = counts[port];
    ordered.set(node.id, out);
  }
  return ordered;
}

/** Runs leads through a compiled flow in chunks; the result deep-equals one `compiled.run(leads)` with the same options. */
export async function runInChunks(compiled: CompiledFlow, leads: readonly unknown[], options: ChunkOptions = {}): Promise<ChunkedRun> {
  const lang = options.lang ?? "en";
  const clock = options.clock ?? (() => performance.now());
  const pause = options.pause ?? nextTask;
  const started = clock();
  // One reference time for every chunk; otherwise each chunk would read the clock anew.
  const now = options.now ?? compiled.flow.settings?.referenceTime ?? Date.now();
  const base = { trace: options.trace, lang, now };
  // Running nothing first checks the saved state and `now` (throwing before any work) and is the answer for 0 leads.
  const empty = compiled.run([], { ...base, state: options.state });
  const total = leads.length;
  if (total === 0) return { kind: "empty", result: empty, warnings: [], message: translate("sim.no_leads", {}, lang) };

  const size = Math.max(1, Math.floor(options.chunkSize ?? DEFAULT_CHUNK_SIZE));
  const order = processingOrder(leads, toTime(now));
  const outcomes = new Array<Outcome>(total);
  const ports = new Map<string, Record<string, number>>();
  const entered = new Map<string, number>();
  let state: unknown = options.state;
  const progress = (done: number): SimulationProgress => {
    const elapsedMs = clock() - started;
    return { done, total, elapsedMs, leadsPerSecond: Math.round((done * 1000) / Math.max(elapsedMs, 1)) };
  };

  for (let from = 0; from < total; from += size) {
    if (from > 0) {
      await pause();
      if (options.isCancelled?.())
        return { kind: "cancelled", done: from, total, message: translate("sim.cancelled", { done: from, total }, lang) };
    }
    const to = Math.min(total, from + size);
    const index = (k: number) => (order ? (order[k] as number) : k);
    const chunk = new Array<unknown>(to - from);
    const filled = new Uint8Array(to - from);
    for (let k = from; k < to; k++) {
      const prepared = withListId(compiled, leads[index(k)], index(k), base);
      chunk[k - from] = prepared.lead;
      filled[k - from] = prepared.filled ? 1 : 0;
    }
    const result = compiled.run(chunk, { ...base, state });
    const finished = new Array<Outcome>(result.outcomes.length);
    result.outcomes.forEach((outcome, k) => {
      const i = index(from + k);
      // A lead that is not an object becomes an error named after its place; only the name needs the whole list's place.
      if (outcome.id === `row-${k + 1}` && (!chunk[k] || typeof chunk[k] !== "object" || Array.isArray(chunk[k])))
        outcome.id = `row-${i + 1}`;
      finished[k] = outcomes[i] = filled[k] ? noteFilledId(outcome, lang) : outcome;
    });
    // slice, not subarray: a view would carry the whole order buffer across the worker boundary.
    options.onOutcomes?.(order ? { from, at: order.slice(from, to), outcomes: finished } : { from, outcomes: finished });
    addCounts(ports, entered, result);
    state = result.state;
    options.onProgress?.(progress(to));
  }
  const { elapsedMs, leadsPerSecond } = progress(total);
  const summary = summarise(compiled.flow, outcomes, inPortOrder(compiled, ports), entered);
  return { kind: "done", result: { outcomes, summary, state: state as RunResult["state"] }, warnings: [], elapsedMs, leadsPerSecond };
}

/** Validates, compiles and runs: every outcome is a value (invalid flow, no leads, cancelled, failed), never a throw. */
export async function simulate(
  flow: unknown,
  leads: readonly unknown[],
  options: SimulationOptions & ChunkHooks = {},
): Promise<SimulationResult> {
  const lang = options.lang ?? "en";
  let compiled: CompiledFlow;
  try {
    compiled = compileFlow(flow, { lang });
  } catch (error) {
    const issues =
      error instanceof FlowValidationError ? [...error.issues] : error instanceof FlowLoadError ? loadProblemIssues(error.problems) : null;
    if (issues)
      return {
        kind: "invalid",
        issues,
        message: translate("sim.invalid", { count: issues.filter((i) => i.severity === "error").length }, lang),
      };
    return failed(error, lang);
  }
  try {
    const { followUp, events, ...rest } = options;
    // A follow-up step keeps leads waiting across time: the time-ordered run is exact over the whole story, not in chunks.
    const run =
      leads.length > 0 && holdsLeads(compiled.flow)
        ? await runFollowUp(compiled, leads, { ...rest, ...followUp, events, pause: options.pause ?? nextTask })
        : await runInChunks(compiled, leads, rest);
    return run.kind === "cancelled" ? run : { ...run, warnings: [...compiled.issues] };
  } catch (error) {
    return failed(error, lang);
  }
}

function failed(error: unknown, lang: Lang): SimulationResult {
  return { kind: "failed", message: translate("sim.failed", { detail: error instanceof Error ? error.message : String(error) }, lang) };
}
