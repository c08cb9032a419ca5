// The router's timed batches: events applied in one atomic step, and the deadlines, reminders and cadence tasks fired when
// due; both change followed leads without routing them anew.
import { holdsLeads, translate, type LeadEvent, type Outcome, type RunResult, type RunWarning } from "../../engine";
import { notificationsFor, retentionOf, withoutTrace } from "./router-decide";
import type { BatchReport, Routed, RouterOptions } from "./router-types";

/** How many followed leads one timer batch takes; more due ones wait for the next tick. */
export const TIMER_BATCH = 500;

/** Engine warnings that mean an event cannot be applied (spec §9): the request is refused, nothing applied. */
const REFUSED_EVENT = new Set(["event.unknown_lead", "event.before_created", "event.not_owner"]);

export interface EventsResult {
  /** Ids applied now, and ids that had been applied before (ignored: events are idempotent by id). */
  readonly applied: string[];
  readonly duplicates: string[];
  /** Non-empty: nothing was applied; each names the event it is about. */
  readonly refused: RunWarning[];
  /** Applied with a remark (e.g. a rejection without a reason). */
  readonly warnings: RunWarning[];
  /** The leads as they are now, for the leads the events changed. */
  readonly outcomes: Outcome[];
}

/** What a timed batch needs from the router. */
export interface TimedRouting {
  readonly options: Pick<RouterOptions, "store" | "flow" | "lang" | "retentionDays" | "followLeads">;
  /** Told the store's `holding` after each batch (batches of other processes wait for this one). */
  held(holding: boolean | undefined): void;
  report(report: BatchReport): void;
}

/** What a timed run (events, timers) writes: its state and the changed leads' outcomes, none kept as a first outcome. */
function timedWrite(flowId: string, run: RunResult): Routed {
  const full = new Map(run.outcomes.map((o) => [o.id, o]));
  return {
    state: run.state,
    outcomes: new Map(),
    full,
    capOverflows: run.summary.capOverflows,
    notify: notificationsFor(flowId, full.values()),
  };
}

/**
 * Applies events in one atomic step (spec §9 Events): all of them, or none when one names an unknown lead, is dated before
 * its lead or comes from someone who is not the owner. Deadlines due by then fire in the same step, in time order.
 */
export async function applyEvents(router: TimedRouting, events: readonly LeadEvent[]): Promise<EventsResult> {
  const { options } = router;
  const started = performance.now();
  const active = options.flow();
  if (!options.followLeads && !holdsLeads(active.compiled.flow)) return notFollowed(options.lang, events);
  const now = Math.max(Date.now(), ...events.map((e) => e.at));
  let result: EventsResult = { applied: [], duplicates: [], refused: [], warnings: [], outcomes: [] };
  const followed = [...new Set(events.map((e) => e.lead))];
  const tx = await options.store.transact<Routed>(active.id, { ids: [], followed, dueBy: now, dueLimit: TIMER_BATCH }, (state) => {
    const applied: string[] = [];
    const duplicates: string[] = [];
    for (const e of events) (state.leads?.[e.lead]?.events.includes(e.id) ? duplicates : applied).push(e.id);
    const run = active.compiled.run([], {
      now,
      events,
      state,
      stateInPlace: true,
      ...retentionOf(options.retentionDays),
      ...(options.lang ? { lang: options.lang } : {}),
    });
    const warnings = run.warnings ?? [];
    const refused = warnings.filter((w) => REFUSED_EVENT.has(w.code) && (w.event === undefined || applied.includes(w.event)));
    result = {
      applied: refused.length ? [] : applied,
      duplicates,
      refused,
      warnings: refused.length ? [] : warnings,
      outcomes: run.outcomes,
    };
    if (refused.length > 0 || applied.length === 0) return null;
    return timedWrite(active.id, run);
  });
  router.held(tx.holding);
  if (!tx.written) result = { ...result, outcomes: [] };
  reportTimed(router, active.id, events.length, tx.written, tx.attempts, tx.waits ?? 0, started);
  return result;
}

/**
 * Unless started with `--follow-leads`, the service follows leads after assignment only for flows with a follow_up step
 * (a plain flow's leads are routed by the fast loop and not kept per lead in the store, docs/runtime.md): their events
 * are refused, each named.
 */
function notFollowed(lang: RouterOptions["lang"], events: readonly LeadEvent[]): EventsResult {
  const refused = events.map((e) => {
    const params = { event: e.id };
    return { code: "event.no_follow_up", params, message: translate("event.no_follow_up", params, lang), event: e.id, lead: e.lead };
  });
  return { applied: [], duplicates: [], refused, warnings: [], outcomes: [] };
}

/** Fires the deadlines, reminders and cadence tasks due by `now` (at most TIMER_BATCH leads); the number of leads changed. */
export async function fireDue(router: TimedRouting, now: number): Promise<number> {
  const { options } = router;
  const started = performance.now();
  const active = options.flow();
  const tx = await options.store.transact<Routed>(
    active.id,
    // Not waiting for another process's lease: that process fires them (every process ticks), and this one's requests
    // are not held up behind a timer batch.
    { ids: [], followed: [], dueBy: now, dueLimit: TIMER_BATCH, wait: false },
    (state) => {
      if (!state.leads || Object.keys(state.leads).length === 0) return null;
      const run = active.compiled.run([], {
        now,
        state,
        stateInPlace: true,
        ...retentionOf(options.retentionDays),
        ...(options.lang ? { lang: options.lang } : {}),
      });
      return run.outcomes.length === 0 ? null : timedWrite(active.id, run);
    },
  );
  router.held(tx.holding);
  reportTimed(router, active.id, 0, tx.written, tx.attempts, tx.waits ?? 0, started);
  return tx.written?.full.size ?? 0;
}

function reportTimed(
  router: TimedRouting,
  flowId: string,
  leads: number,
  written: Routed | null,
  attempts: number,
  waits: number,
  started: number,
): void {
  if (!written) return;
  router.report({
    flowId,
    leads,
    fresh: [...written.full.values()].map(withoutTrace),
    replayed: 0,
    capOverflows: written.capOverflows,
    attempts,
    waits,
    ms: performance.now() - started,
    timed: true,
  });
}
