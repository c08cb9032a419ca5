// The worker side of the protocol: runs each request with `simulate`, posting progress with each chunk's outcomes (without
// traces and follow-up stories) and one result; keeps the newest finished run's traces and stories and answers for one
// lead's; cancel is a flag read between chunks.
import { translate } from "./messages";
import { type Lang, type Outcome, type TraceLine } from "../engine";
import { simulate } from "./run-chunks";
import type {
  FirstLinesAnswer,
  OutcomeSlice,
  SimulationRequest,
  StoriesAnswer,
  Story,
  TraceAnswer,
  WireResult,
  WorkerScope,
} from "./worker-protocol";

/** The traces and stories of one run, in input order (a lead the engine gave no trace or story has none). */
interface KeptTraces {
  readonly runId: number;
  readonly traces: (TraceLine[] | undefined)[];
  readonly stories: (Story | undefined)[];
}

/**
 * The slice without traces and stories (they stay here, by input position: most of a followed lead's bytes, and only
 * the opened lead shows them); outcomes keep their other keys in the engine's order.
 */
function withoutTraces(slice: OutcomeSlice, kept: Omit<KeptTraces, "runId">): OutcomeSlice {
  const outcomes = slice.outcomes.map((outcome, k): Outcome => {
    if (outcome.trace === undefined) return outcome;
    const { trace, owners, timeline, ...rest } = outcome;
    const i = slice.at ? (slice.at[k] as number) : slice.from + k;
    kept.traces[i] = trace;
    if (owners !== undefined && timeline !== undefined) kept.stories[i] = { owners, timeline };
    return rest;
  });
  return slice.at ? { from: slice.from, at: slice.at, outcomes } : { from: slice.from, outcomes };
}

export function attachSimulationWorker(scope: WorkerScope): void {
  const active = new Set<number>();
  const cancelled = new Set<number>();
  // Only the newest finished run's traces: the designer shows one run's leads at a time (compare needs no traces).
  let kept: KeptTraces | null = null;

  async function run(request: Extract<SimulationRequest, { type: "run" }>): Promise<void> {
    const { runId } = request;
    active.add(runId);
    const traces = new Array<TraceLine[] | undefined>(request.leads.length);
    const stories = new Array<Story | undefined>(request.leads.length);
    let slice: OutcomeSlice | null = null;
    try {
      const result = await simulate(request.flow, request.leads, {
        ...request.options,
        onOutcomes: (finished) => {
          slice = withoutTraces(finished, { traces, stories });
        },
        onProgress: (progress) => {
          scope.postMessage({ type: "progress", runId, progress, slice: slice ?? { from: progress.done, outcomes: [] } });
          slice = null;
        },
        isCancelled: () => cancelled.has(runId),
      });
      let wire: WireResult = result;
      if (result.kind === "done") {
        const { outcomes: _sent, ...rest } = result.result;
        wire = { ...result, result: rest };
        kept = request.options.trace ? { runId, traces, stories } : null;
      }
      scope.postMessage({ type: "result", runId, result: wire });
    } finally {
      active.delete(runId);
      cancelled.delete(runId);
    }
  }

  const gone = (runId: number, lang: Lang) => ({ kind: "gone" as const, message: translate("sim.trace_gone", { runId }, lang) });

  function traceOf(runId: number, lead: number, lang: Lang): TraceAnswer {
    if (kept?.runId !== runId) return gone(runId, lang);
    if (!Number.isInteger(lead) || lead < 0 || lead >= kept.traces.length)
      return { kind: "gone", message: translate("sim.no_such_lead", { runId, lead }, lang) };
    const story = kept.stories[lead];
    return story ? { kind: "trace", trace: kept.traces[lead] ?? [], ...story } : { kind: "trace", trace: kept.traces[lead] ?? [] };
  }

  function firstLinesOf(runId: number, lang: Lang): FirstLinesAnswer {
    if (kept?.runId !== runId) return gone(runId, lang);
    const lines = new Array<string>(kept.traces.length);
    for (let i = 0; i < lines.length; i++) lines[i] = kept.traces[i]?.[0]?.text ?? "";
    return { kind: "lines", lines };
  }

  function storiesOf(runId: number, lang: Lang): StoriesAnswer {
    if (kept?.runId !== runId) return gone(runId, lang);
    const stories = new Array<Story | null>(kept.stories.length);
    for (let i = 0; i < stories.length; i++) stories[i] = kept.stories[i] ?? null;
    return { kind: "stories", stories };
  }

  scope.onmessage = (event) => {
    const request = event.data;
    switch (request.type) {
      case "cancel":
        if (active.has(request.runId)) cancelled.add(request.runId);
        return;
      case "run":
        void run(request);
        return;
      case "trace":
        scope.postMessage({
          type: "trace",
          runId: request.runId,
          requestId: request.requestId,
          answer: traceOf(request.runId, request.lead, request.lang),
        });
        return;
      case "first-lines":
        scope.postMessage({
          type: "first-lines",
          runId: request.runId,
          requestId: request.requestId,
          answer: firstLinesOf(request.runId, request.lang),
        });
        return;
      case "stories":
        scope.postMessage({
          type: "stories",
          runId: request.runId,
          requestId: request.requestId,
          answer: storiesOf(request.runId, request.lang),
        });
    }
  };
}
