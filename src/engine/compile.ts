// Compiles a flow once into plain functions and runs batches of leads through it with carried JSON state (spec §6, §8).
import { nodeRegistry } from "../../nodes";
import type { FieldInfo } from "./conditions/compile";
import { toTime } from "./conditions/values";
import { loadFlow } from "./document/load";
import type { Flow, FlowNode, NodeType } from "./document/schema";
import { buildGraph } from "./graph";
import { translate, type Lang } from "./i18n";
import { parseEventList, type LeadEvent } from "./events/parse";
import { SuppliedEvents, type AssignedEvents } from "./events/supplied";
import { LeadRun } from "./lead-run";
import { MemberBook } from "./member-book";
import { traceLines } from "./trace";
import { runTimed, type PortSlot, type RunWarning } from "./life/timed-run";
import { summariseFollowUp } from "./life/summary";
import type { BoundNode, CompileContext, NodeExecutor, NodeSpec } from "./node-spec";
import type { Outcome } from "./outcome";
import { copyState, emptyState, normaliseState, type FlowState } from "./state";
import { summarise, type Summary } from "./summary";
import { endStatus, holdsLeads as flowHoldsLeads, isEntry, readsLeadFields } from "./specs";
import { flowClock, flowSeed } from "./settings";
import { prepareBatch, type Special } from "./lead-prep";
import { hasErrors, knownFields, validateFlow, type Issue } from "./validate";

export interface RunOptions {
  /** A state saved from an earlier run; never mutated. */
  state?: unknown;
  /** Reference time for leads without createdAt (ISO string, ms or Date); default the flow's settings.referenceTime, else the clock. */
  now?: string | number | Date;
  /** Include each lead's trace in plain words (the designer does; the CLI only with --trace). */
  trace?: boolean;
  lang?: Lang;
  /**
   * What happened to leads after assignment (spec §9): `touched`, `converted`, `closed`, `rejected`, as parsed events or
   * raw objects (read like an events file; rows that cannot be read are warnings). Given (even empty), the run follows
   * its leads after assignment whatever the flow: in time order up to `now`, owned leads kept in the state for later
   * events; later events (and, with a follow-up step, later leads) are reported in `notDue`. Pass it to every run of a
   * flow whose leads get events.
   */
  events?: readonly (LeadEvent | unknown)[];
  /**
   * Flows with a follow_up step: called each time a lead gets an owner, with its owners so far; returns every event those
   * owners give the lead (its answer replaces the one before). They are applied in time order with `events` (at one
   * instant after them), once each; those before the moment of asking are not applied, those after `now` not reported.
   */
  eventsOnAssign?: AssignedEvents;
  /** How long a followed lead without pending timers is kept after its last change (default 30 days). */
  retentionDays?: number;
  /**
   * The run works on `state` itself instead of a copy (its nodes, members and leads maps are used as given, and changed).
   * For a caller that owns the object and reads what changed, such as the service's Redis store with its partial view.
   */
  stateInPlace?: boolean;
}

export interface RunResult {
  outcomes: Outcome[];
  summary: Summary;
  state: FlowState;
  /** Runs that follow leads (a follow_up step, or events given): problems with events or leads, each naming what it is about. */
  warnings?: RunWarning[];
  /** Runs that follow leads: leads and events dated after `now`, to pass again in a later run. */
  notDue?: { leads: string[]; events: string[] };
}

export interface CompiledFlow {
  readonly flow: Flow;
  /** Warnings found when compiling (errors would have stopped it). */
  readonly issues: readonly Issue[];
  run(leads: readonly unknown[], options?: RunOptions): RunResult;
}

export class FlowValidationError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[], lang: Lang = "en") {
    const errors = issues.filter((i) => i.severity === "error");
    super([translate("run.blocked", {}, lang), ...errors.map((i) => `- ${i.nodeId ? `[${i.nodeId}] ` : ""}${i.message}`)].join("\n"));
    this.name = "FlowValidationError";
    this.issues = issues;
  }
}

export interface CompiledNode {
  readonly node: FlowNode;
  readonly executor: NodeExecutor;
  /** Index of the node each out port leads to; -1 where the port has no edge. */
  readonly next: Readonly<Record<string, number>>;
}

function referenceTime(now: RunOptions["now"], flow: Flow, lang: Lang): number {
  const value = now ?? flow.settings?.referenceTime;
  if (value === undefined) return Date.now();
  const ms = toTime(value);
  if (Number.isNaN(ms)) throw new Error(translate("run.bad_now", { value: String(value) }, lang));
  return ms;
}

/** Each node's executor and where its ports lead, with the context they were compiled in (also for route rotation). */
export function compileNodes(flow: Flow): { nodes: CompiledNode[]; triggers: number[]; holdsLeads: boolean; ctx: CompileContext } {
  const graph = buildGraph(flow, nodeRegistry);
  const fieldDefs = knownFields(flow);
  const fields: FieldInfo = {
    types: new Map([...fieldDefs].map(([k, f]) => [k, f.type])),
    labels: new Map([...fieldDefs].map(([k, f]) => [k, f.label ?? k])),
  };
  const ctx: CompileContext = {
    flow,
    fields,
    teams: new Map(flow.teams.map((t) => [t.id, t])),
    clock: flowClock(flow),
    seed: flowSeed(flow),
    next: graph.next,
    downstream: (nodeId) => {
      const seen = new Set<string>();
      const stack = [nodeId];
      while (stack.length > 0) {
        const id = stack.pop() as string;
        const node = graph.byId.get(id);
        if (!node) continue;
        for (const port of nodeRegistry[node.type].ports.out) {
          const next = graph.next(id, port);
          if (next && !seen.has(next.id)) {
            seen.add(next.id);
            stack.push(next.id);
          }
        }
      }
      return [...seen].map((id) => graph.byId.get(id) as FlowNode);
    },
    readsLeadFields,
  };
  const index = new Map(flow.nodes.map((n, i) => [n.id, i]));
  const nodes = flow.nodes.map((node): CompiledNode => {
    const spec = nodeRegistry[node.type] as NodeSpec<NodeType>;
    const next: Record<string, number> = {};
    for (const port of spec.ports.out) next[port] = index.get(graph.next(node.id, port)?.id ?? "") ?? -1;
    return { node, executor: spec.compile(node, ctx), next };
  });
  const triggers = flow.nodes.flatMap((n, i) => (isEntry(n) ? [i] : []));
  const holdsLeads = flowHoldsLeads(flow);
  return { nodes, triggers, holdsLeads, ctx };
}

/** Parses (if needed), validates and compiles a flow; throws FlowValidationError when it has errors. */
export function compileFlow(input: unknown, options: { lang?: Lang } = {}): CompiledFlow {
  const lang = options.lang ?? "en";
  const flow = loadFlow(input, lang);
  const issues = validateFlow(flow, { lang });
  if (hasErrors(issues)) throw new FlowValidationError(issues, lang);
  const { nodes, triggers, holdsLeads } = compileNodes(flow);

  function run(leads: readonly unknown[], opts: RunOptions = {}): RunResult {
    const runLang = opts.lang ?? lang;
    const traced = opts.trace === true;
    const now = referenceTime(opts.now, flow, runLang);
    const state = opts.state === undefined ? emptyState() : normaliseState(opts.stateInPlace === true ? opts.state : copyState(opts.state));
    const members = new MemberBook(state);
    const bound: BoundNode[] = [];
    const peers = (id: string) => bound[nodes.findIndex((n) => n.node.id === id)];
    for (const n of nodes) bound.push(n.executor.bind(state, peers, { lang: runLang, members }));
    const slots: Record<string, PortSlot>[] = nodes.map((n) => {
      const out: Record<string, PortSlot> = {};
      for (const [port, next] of Object.entries(n.next)) out[port] = { count: 0, next };
      return out;
    });
    const enteredCounts = new Array<number>(nodes.length).fill(0);
    const lead = new LeadRun({}, 0, false);
    lead.makeLine = traceLines(runLang);
    const pathBuffer: string[] = [];

    const batch = prepareBatch(leads, now, runLang);
    const order = processingOrder(batch.times);
    // Events (even none) mean the caller follows its leads after assignment (spec §9): every flow then runs in time order
    // and keeps its owned leads in the state, so a close releases load and a touch gives a response time with or without
    // a follow_up step. Without events a flow with no follow_up step has nothing to wait for: the fast loop below.
    if (holdsLeads || opts.events !== undefined || opts.eventsOnAssign !== undefined) return runWithTime();
    const outcomes: Outcome[] = new Array(leads.length);

    for (const i of order) {
      const special = batch.special[i];
      if (special?.error !== undefined) {
        outcomes[i] = { id: special.id, status: "error", path: [], notifications: [], error: special.error };
        continue;
      }
      const data = special ? special.data : (leads[i] as Readonly<Record<string, unknown>>);
      const id = special ? special.id : (data.id as string);
      try {
        outcomes[i] = walk(id, data, batch.times[i] as number, special, traced);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        outcomes[i] = { id, status: "error", path: [], notifications: [], error: translate("run.failed", { detail }, runLang) };
      }
    }

    function walk(
      id: string,
      data: Readonly<Record<string, unknown>>,
      time: number,
      special: Special | undefined,
      traced: boolean,
    ): Outcome {
      lead.reset(data, time, traced, special !== undefined);
      // The walk writes into one reused buffer; each outcome gets an exact-size copy.
      const path = pathBuffer;
      let steps = 0;
      let at = -1;
      for (let k = 0; k < triggers.length; k++) {
        const t = triggers[k] as number;
        if ((bound[t] as BoundNode).step(lead) !== null) {
          at = t;
          break;
        }
      }
      let status: Outcome["status"] = "no_trigger";

      if (at >= 0) {
        let port = "out";
        let last = at;
        path[steps++] = (nodes[at] as CompiledNode).node.id;
        enteredCounts[at] = (enteredCounts[at] ?? 0) + 1;
        const entry = (slots[at] as Record<string, PortSlot>).out as PortSlot;
        entry.count++;
        let next = entry.next;
        // The graph is acyclic (validated), so each step moves forward; the bound is a guard, not a rule.
        while (next >= 0 && steps <= nodes.length) {
          const node = nodes[next] as CompiledNode;
          path[steps++] = node.node.id;
          enteredCounts[next] = (enteredCounts[next] ?? 0) + 1;
          port = (bound[next] as BoundNode).step(lead) ?? "out";
          const slot = (slots[next] as Record<string, PortSlot>)[port] as PortSlot;
          slot.count++;
          last = next;
          next = slot.next;
        }
        const lastNode = (nodes[last] as CompiledNode).node;
        status = lead.owner ? "assigned" : endStatus(lastNode, port);
      } else lead.note("", "run.no_trigger");
      // One literal with every key (absent ones undefined, which JSON leaves out): one shape for every outcome.
      const outcome: Outcome = {
        id,
        status,
        owner: lead.owner && lead.team ? lead.owner.id : undefined,
        team: lead.owner && lead.team ? lead.team.id : undefined,
        score: lead.score,
        grade: lead.grade,
        path: path.slice(0, steps),
        notifications: lead.notifications,
      };
      if (special?.warnings.length) outcome.warnings = [...special.warnings];
      if (lead.trace) outcome.trace = lead.trace;
      return outcome;
    }

    finish();
    return { outcomes, summary: summarise(flow, outcomes, ...nodeCounts()), state };

    /** Nodes and members that kept counters in arrays write them back into the state. */
    function finish(): void {
      for (const b of bound) b.finish?.();
      members.save();
    }

    /** How many leads entered each node and left by each port in this run. */
    function nodeCounts(): [Map<string, Record<string, number>>, Map<string, number>] {
      const ports = new Map<string, Record<string, number>>();
      const entered = new Map<string, number>();
      nodes.forEach((n, i) => {
        const out: Record<string, number> = {};
        for (const [port, slot] of Object.entries(slots[i] as Record<string, PortSlot>)) if (slot.count > 0) out[port] = slot.count;
        ports.set(n.node.id, out);
        entered.set(n.node.id, enteredCounts[i] as number);
      });
      return [ports, entered];
    }

    function readEvents(): { events: LeadEvent[]; warnings: RunWarning[] } {
      if (!opts.events || opts.events.length === 0) return { events: [], warnings: [] };
      const parsed = parseEventList(opts.events, runLang);
      // Sorted by time, ties in input order; a file already in time order (the usual case) is kept as it is.
      let inOrder = true;
      for (let i = 1; i < parsed.events.length && inOrder; i++)
        if ((parsed.events[i] as LeadEvent).at < (parsed.events[i - 1] as LeadEvent).at) inOrder = false;
      const events = inOrder
        ? parsed.events
        : parsed.events
            .map((e, i) => ({ e, i }))
            .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
            .map((x) => x.e);
      return { events, warnings: parsed.warnings.map((w) => ({ code: w.code, params: w.params, message: w.message })) };
    }

    /** Runs that follow leads: leads, events and timers in one time order (src/engine/life/timed-run.ts). */
    function runWithTime(): RunResult {
      const read = readEvents();
      const timed = runTimed({
        flow,
        nodes,
        triggers,
        bound,
        slots,
        enteredCounts,
        state,
        now,
        traced,
        lang: runLang,
        leads,
        times: batch.times,
        special: batch.special,
        order,
        events: read.events,
        supplied: opts.eventsOnAssign ? new SuppliedEvents(opts.eventsOnAssign) : undefined,
        retentionMs: (opts.retentionDays ?? 30) * 86_400_000,
        allLeadsDue: !holdsLeads,
      });
      finish();
      const summary = summarise(flow, timed.outcomes, ...nodeCounts());
      summariseFollowUp(flow, timed.outcomes, summary);
      return { outcomes: timed.outcomes, summary, state, warnings: [...read.warnings, ...timed.warnings], notDue: timed.notDue };
    }
  }

  return { flow, issues, run };
}

/** Indices in ascending createdAt, ties in input order; a batch already in order (the usual case) is not sorted again. */
function processingOrder(times: Float64Array): number[] {
  const n = times.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if ((times[i] as number) < (times[i - 1] as number)) sorted = false;
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (!sorted) order.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  return order;
}
