// The time-ordered run (spec §9 "Running with time"): leads at createdAt, events at `at`, timers at their due time, up to `now`.
// Records never lose keys (`delete` would turn them into slow dictionary objects); an absent value is undefined.
import type { LeadEvent } from "../events/parse";
import { translate, type EngineCode, type MessageParams } from "../i18n";
import type { LeadRun } from "../lead-run";
import { traceLines } from "../trace";
import { isoTime } from "../iso-time";
import type { Outcome, OutcomeStatus } from "../outcome";
import { SlotHeap } from "./heap";
import { recordEvent } from "./record-event";
import { failedOutcome, FollowedLeads } from "./records";
import { finishRun } from "./run-output";
import { LeadSlots } from "./slots";
import { FlowWalk } from "./walk";
import type { RunWarning, TimedInput, TimedOutput } from "./timed-types";
import { nextTimer, type LeadLife, type TaskState, type TrackedLead } from "./types";

export type { PortSlot, RunWarning, TimedInput, TimedNode, TimedOutput } from "./timed-types";

const iso = isoTime;

export function runTimed(input: TimedInput): TimedOutput {
  const { flow, bound, state, now, traced, lang } = input;
  const tracked = (state.leads ??= {});
  const walk = new FlowWalk(input);
  const warnings: RunWarning[] = [];
  const n = input.leads.length;
  /** Leads this run entered but does not follow (never owned): their outcome is final at once. By input index. */
  const oneOff: (Outcome | undefined)[] = new Array(n);
  /** Input index → slot of the lead this run entered and follows (-1: none). */
  const enteredSlot = new Int32Array(n).fill(-1);
  const heap = new SlotHeap();
  const table = new LeadSlots(traced);
  const { slotOf, recs, queued, live, liveOwned } = table;
  const book = new FollowedLeads(flow.teams, state, table, heap, input.supplied, traced, input.retentionMs);
  book.lead.makeLine = traceLines(lang);
  const slotFor = (id: string) => table.slotFor(id);
  const markChanged = (slot: number) => table.markChanged(slot);
  const collect = (slot: number, lead: LeadRun) => table.collect(slot, lead);

  function warn(code: EngineCode, params: MessageParams, about: { event?: string; lead?: string }): void {
    warnings.push({ code, params, message: translate(code, params, lang), ...about });
  }

  function enterLead(i: number): void {
    const special = input.special[i];
    const time = input.times[i] as number;
    if (special?.error !== undefined) {
      oneOff[i] = failedOutcome(special.id, special.error);
      return;
    }
    const data = special ? special.data : (input.leads[i] as Readonly<Record<string, unknown>>);
    const id = special ? special.id : (data.id as string);
    const slot = leadSlot[i] as number;
    const knownRec = recs[slot];
    if (knownRec && !book.expired(knownRec, time)) {
      warn("run.lead_known", { lead: id }, { lead: id });
      return;
    }
    if (knownRec) {
      delete tracked[id];
      recs[slot] = undefined;
    }
    const lead = book.fresh(data, time, special !== undefined);
    const life = lead.life as LeadLife;
    const path: string[] = [];
    try {
      const seg = walk.enter(lead, path);
      if (!seg) lead.note("", "run.no_trigger");
      const status: OutcomeStatus = seg ? walk.statusAfter(lead, seg) : "no_trigger";
      if (life.owners.length === 0 && status !== "waiting") {
        const outcome: Outcome = {
          id,
          status,
          owner: undefined,
          team: undefined,
          score: lead.score,
          grade: lead.grade,
          path,
          notifications: lead.notifications,
          owners: [],
          timeline: [],
        };
        if (special?.warnings.length) outcome.warnings = [...special.warnings];
        if (lead.trace) outcome.trace = lead.trace;
        oneOff[i] = outcome;
        return;
      }
      state.seq = (state.seq ?? 0) + 1;
      const rec = FollowedLeads.record(state.seq, time, path, life);
      book.settle(slot, rec, lead, status, time);
      entered.push(rec);
      enteredAt.push(slot);
      recs[slot] = rec;
      enteredSlot[i] = slot;
      markChanged(slot);
      collect(slot, lead);
      if (special?.warnings.length) table.notesOf(slot).warnings = [...special.warnings];
      book.schedule(slot, rec);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      oneOff[i] = failedOutcome(id, translate("run.failed", { detail }, lang));
    }
  }

  let inputTimeMap: Map<string, number> | null = null;
  /** createdAt of each lead of this run by id, built only when an event names a lead the state does not know. */
  function inputTimes(): Map<string, number> {
    if (!inputTimeMap) {
      inputTimeMap = new Map();
      for (let i = 0; i < input.leads.length; i++) {
        const id = input.special[i]?.id ?? (input.leads[i] as Record<string, unknown>).id;
        if (typeof id === "string" && !inputTimeMap.has(id)) inputTimeMap.set(id, input.times[i] as number);
      }
    }
    return inputTimeMap;
  }

  function applyEvent(ev: LeadEvent, slot: number): void {
    const rec = slot >= 0 ? recs[slot] : undefined;
    if (!rec || book.expired(rec, ev.at)) {
      const about = { event: ev.id, lead: ev.lead };
      // Dated before a lead that comes later in this run: say so, rather than "unknown".
      const later = inputTimes().get(ev.lead);
      if (later !== undefined && later > ev.at)
        warn("event.before_created", { event: ev.id, lead: ev.lead, at: iso(ev.at), createdAt: iso(later) }, about);
      else warn("event.unknown_lead", { event: ev.id, lead: ev.lead }, about);
      return;
    }
    if (rec.events.includes(ev.id)) return;
    if (ev.at < rec.createdAt) {
      warn(
        "event.before_created",
        { event: ev.id, lead: ev.lead, at: iso(ev.at), createdAt: iso(rec.createdAt) },
        { event: ev.id, lead: ev.lead },
      );
      return;
    }
    if (ev.by !== undefined && !book.isOwner(rec, ev.by)) {
      warn("event.not_owner", { event: ev.id, lead: ev.lead, by: ev.by, owner: rec.owner ?? "—" }, { event: ev.id, lead: ev.lead });
      return;
    }
    const owner = rec.owner;
    recordEvent(rec, ev, state, warn);
    markChanged(slot);
    let status: OutcomeStatus = rec.status;
    const wait = rec.wait;
    const wake = wait ? bound[walk.indexOf(wait.node)]?.wake : undefined;
    const settled = owner === undefined ? rec.team === undefined : book.memberOf(rec.team, owner) !== undefined;
    if (!wait && settled && (!rec.tasks || live[slot] !== undefined)) {
      // Nothing waits: the event only adds to the story (no walk). The working copy stays only for pending tasks.
      if (!rec.tasks) {
        rec.data = undefined;
        live[slot] = undefined;
      }
      rec.last = ev.at;
      return;
    }
    const lead = book.restore(slot, rec, ev.at);
    if (wake) status = walk.afterWake(lead, rec, ev.at, wake(lead, { kind: "event", event: ev }));
    book.settle(slot, rec, lead, status, ev.at);
    collect(slot, lead);
    book.schedule(slot, rec);
  }

  function fireTimer(slot: number, t: number): void {
    // The heap keeps an entry when the lead's next timer moves; only the time queued last can be due (a record's next
    // timer is the one `schedule` queued, or none), so a stale entry is dropped without reading the record.
    if (queued[slot] !== t) return;
    queued[slot] = Number.NaN;
    const rec = recs[slot];
    if (!rec || nextTimer(rec) !== t) return;
    const lead = book.restore(slot, rec, t);
    let status: OutcomeStatus = rec.status;
    const wait = rec.wait;
    if (
      wait &&
      Math.min(wait.dueAt, wait.sent < wait.remindAt.length ? (wait.remindAt[wait.sent] as number) : Number.POSITIVE_INFINITY) <= t
    ) {
      const wake = bound[walk.indexOf(wait.node)]?.wake;
      if (wake) status = walk.afterWake(lead, rec, t, wake(lead, { kind: "timer", at: t }));
    }
    const tasks = lead.life?.tasks;
    // A task's next step may fall on the same instant (equal steps); the bound is a guard, not a rule.
    for (let guard = 0; tasks && guard < 1000; guard++) {
      let due: TaskState | undefined;
      for (const task of tasks)
        if (task.next <= t) {
          due = task;
          break;
        }
      if (!due) break;
      const node = bound[walk.indexOf(due.node)];
      if (node?.task) node.task(lead, due, t);
      else due.next = Number.POSITIVE_INFINITY;
    }
    markChanged(slot);
    book.settle(slot, rec, lead, status, t);
    collect(slot, lead);
    book.schedule(slot, rec);
  }

  for (const id of Object.keys(tracked)) {
    const rec = tracked[id] as TrackedLead;
    const slot = slotFor(id);
    recs[slot] = rec;
    if (rec.data !== undefined) {
      live[slot] = rec.data;
      liveOwned[slot] = true;
    }
    book.schedule(slot, rec);
  }

  const order = input.order;
  const events = input.events;
  // Every lead id the input names gets its slot before the loop, in one pass over a hot table (looked up between the
  // other work of the loop, each id cost a cache miss). Ids of events for leads nobody follows stay -1.
  const leadSlot = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const special = input.special[i];
    if (special?.error !== undefined) continue;
    leadSlot[i] = slotFor(special ? special.id : ((input.leads[i] as Record<string, unknown>).id as string));
  }
  const eventSlot = new Int32Array(events.length);
  for (let k = 0; k < events.length; k++) eventSlot[k] = slotOf.get((events[k] as LeadEvent).lead) ?? -1;
  /** Records entered in this run and their slots, in entry order: the state's `leads` gets them after the loop. */
  const entered: TrackedLead[] = [];
  const enteredAt: number[] = [];
  let li = 0;
  let ei = 0;
  // Every record this run changes is last changed at or after the loop's first instant (see `RunEnd.firstAt`).
  const firstAt = Math.min(
    li < order.length ? (input.times[order[li] as number] as number) : Number.POSITIVE_INFINITY,
    ei < events.length ? (events[ei] as LeadEvent).at : Number.POSITIVE_INFINITY,
    input.supplied ? input.supplied.peekAt() : Number.POSITIVE_INFINITY,
    heap.peekTime(),
  );
  for (;;) {
    const tl = li < order.length ? (input.times[order[li] as number] as number) : Number.POSITIVE_INFINITY;
    const given = ei < events.length ? (events[ei] as LeadEvent).at : Number.POSITIVE_INFINITY;
    const te = input.supplied ? Math.min(given, input.supplied.peekAt()) : given;
    const tt = heap.peekTime();
    // At the same instant: leads, then events, then timers (a touch exactly at the deadline is in time).
    if (tl <= te && tl <= tt && tl <= now) enterLead(order[li++] as number);
    else if (te <= tt && te <= now) {
      if (given <= te) {
        applyEvent(events[ei] as LeadEvent, eventSlot[ei] as number);
        ei++;
      } else {
        const ev = input.supplied?.pop() as LeadEvent;
        applyEvent(ev, slotOf.get(ev.lead) ?? -1);
      }
    } else if (tt <= now) fireTimer(heap.pop(), tt);
    else break;
  }
  // Nothing waits in such a flow (no timers): the leads after `now` come after every event up to it.
  if (input.allLeadsDue) while (li < order.length) enterLead(order[li++] as number);

  const { outcomes, notDue } = finishRun(input, table, {
    oneOff,
    enteredSlot,
    entered,
    enteredAt,
    leadsDone: li,
    eventsDone: ei,
    expired: (rec) => book.expired(rec, now),
    recentSince: firstAt >= now - input.retentionMs,
  });
  return { outcomes, warnings, notDue };
}
