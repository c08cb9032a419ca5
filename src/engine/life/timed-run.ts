// The time-ordered run (spec §9 "Running with time"): leads at createdAt, events at `at`, timers at their due time, up to `now`.
// Records never lose keys (`delete` would turn them into slow dictionary objects); an absent value is undefined.
import { endStatus } from "../specs";
import type { Flow, FlowNode, Member, Team } from "../document/schema";
import type { LeadEvent } from "../events/parse";
import type { SuppliedEvents } from "../events/supplied";
import { translate, type EngineCode, type Lang, type MessageParams } from "../i18n";
import { LeadRun } from "../lead-run";
import { traceLines } from "../trace";
import { isoTime } from "../iso-time";
import { WAIT, type BoundNode } from "../node-spec";
import type { Outcome, OutcomeStatus } from "../outcome";
import { own, releaseOpenLead, type FlowState } from "../state";
import { TimerHeap } from "./heap";
import { followedOutcome, type Notes } from "./outcome";
import { nextTimer, type TrackedLead } from "./types";

/** A problem with an event or a lead that the run reports and goes on (never a crash). */
export interface RunWarning {
  readonly code: string;
  readonly params: MessageParams;
  readonly message: string;
  readonly event?: string;
  readonly lead?: string;
}

export interface TimedNode {
  readonly node: FlowNode;
  readonly next: Readonly<Record<string, number>>;
}

/** One out port: how many leads left by it in this run, and the index of the node its edge leads to (-1: none). */
export interface PortSlot {
  count: number;
  readonly next: number;
}

export interface TimedInput {
  readonly flow: Flow;
  readonly nodes: readonly TimedNode[];
  readonly triggers: readonly number[];
  readonly bound: readonly BoundNode[];
  readonly slots: Record<string, PortSlot>[];
  readonly enteredCounts: number[];
  readonly state: FlowState;
  readonly now: number;
  readonly traced: boolean;
  readonly lang: Lang;
  readonly leads: readonly unknown[];
  readonly times: Float64Array;
  readonly special: readonly ({ id: string; data: Record<string, unknown>; warnings: string[]; error?: string } | undefined)[];
  /** Lead indices in processing order (createdAt, ties in input order). */
  readonly order: readonly number[];
  readonly events: readonly LeadEvent[];
  /** Events asked for as leads get owners (RunOptions.eventsOnAssign); at one instant after `events`. */
  readonly supplied?: SuppliedEvents;
  readonly retentionMs: number;
}

export interface TimedOutput {
  readonly outcomes: Outcome[];
  readonly warnings: RunWarning[];
  readonly notDue: { leads: string[]; events: string[] };
}

const iso = isoTime;
const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});

export function runTimed(input: TimedInput): TimedOutput {
  const { flow, nodes, triggers, bound, slots, enteredCounts, state, now, traced, lang } = input;
  const tracked = (state.leads ??= {});
  // Team id → member id → the member (no key text built per lookup: every event and timer asks).
  const members = new Map<string, Map<string, { team: Team; member: Member }>>();
  for (const team of flow.teams) {
    const byId = members.get(team.id) ?? new Map<string, { team: Team; member: Member }>();
    for (const member of team.members) if (!byId.has(member.id)) byId.set(member.id, { team, member });
    members.set(team.id, byId);
  }
  const memberOf = (team: string | undefined, owner: string | undefined) =>
    team !== undefined && owner !== undefined ? members.get(team)?.get(owner) : undefined;
  const nodeIndex = new Map(nodes.map((n, i) => [n.node.id, i]));
  const warnings: RunWarning[] = [];
  const notes = new Map<string, Notes>();
  /** Leads this run entered but does not follow (never owned): their outcome is final at once. */
  const oneOff = new Map<number, Outcome>();
  /** Input index → id of the leads this run entered and follows. */
  const enteredIds = new Map<number, string>();
  /** Followed leads that changed in this run, in order of their first change. */
  const changed = new Set<string>();
  const heap = new TimerHeap();
  const makeLine = traceLines(lang);
  const releaseOpen = (lead: LeadRun) => {
    if (lead.owner) releaseOpenLead(state, lead.owner.id);
  };

  function warn(code: EngineCode, params: MessageParams, about: { event?: string; lead?: string }): void {
    warnings.push({ code, params, message: translate(code, params, lang), ...about });
  }

  function notesOf(id: string): Notes {
    let n = notes.get(id);
    if (!n) {
      n = { notifications: [], trace: traced ? [] : null };
      notes.set(id, n);
    }
    return n;
  }

  /** Moves what a walk segment produced (messages, trace) into the lead's notes for this run. */
  function collect(id: string, lead: LeadRun): void {
    if (lead.notifications.length === 0 && (!lead.trace || lead.trace.length === 0)) return;
    const n = notesOf(id);
    for (const m of lead.notifications) n.notifications.push(m);
    if (n.trace && lead.trace) for (const e of lead.trace) n.trace.push(e);
  }

  /** The due time each lead has in the heap already (a later entry for the same time would only be skipped). */
  const queued = new Map<string, number>();
  function schedule(id: string, rec: TrackedLead): void {
    input.supplied?.offer(id, rec.owners, rec.seq, rec.last);
    const t = nextTimer(rec);
    if (t === Number.POSITIVE_INFINITY || queued.get(id) === t) return;
    queued.set(id, t);
    heap.push({ t, seq: rec.seq, id });
  }

  /** Walks on from a node index until a port has no edge or a node makes the lead wait. */
  function walkFrom(
    lead: LeadRun,
    path: string[],
    start: number,
    last: number,
    port: string | null,
  ): { last: number; port: string | null; waiting: boolean } {
    let next = start;
    let steps = 0;
    while (next >= 0 && steps++ <= nodes.length) {
      const node = nodes[next] as TimedNode;
      path.push(node.node.id);
      enteredCounts[next] = (enteredCounts[next] ?? 0) + 1;
      port = (bound[next] as BoundNode).step(lead) ?? "out";
      if (port === WAIT) return { last: next, port: null, waiting: true };
      const slot = (slots[next] as Record<string, PortSlot>)[port] as PortSlot;
      slot.count++;
      last = next;
      next = slot.next;
    }
    return { last, port, waiting: false };
  }

  function statusAfter(lead: LeadRun, seg: { last: number; port: string | null; waiting: boolean }): OutcomeStatus {
    if (seg.waiting) return "waiting";
    if (lead.owner) return "assigned";
    const lastNode = seg.last >= 0 ? (nodes[seg.last] as TimedNode).node : undefined;
    return lastNode && seg.port !== null ? endStatus(lastNode, seg.port) : "unassigned";
  }

  /** Writes a walk segment's end into the followed lead's record. */
  function settle(rec: TrackedLead, lead: LeadRun, status: OutcomeStatus, time: number): void {
    const life = lead.life;
    const ownerBefore = rec.owner;
    rec.status = status === "no_trigger" || status === "error" ? "unassigned" : status;
    if (lead.owner && lead.team) {
      rec.owner = lead.owner.id;
      rec.team = lead.team.id;
    } else {
      rec.owner = undefined;
      rec.team = undefined;
    }
    if (lead.owner?.id !== ownerBefore) rec.open = lead.owner !== null;
    if (lead.score !== undefined) rec.score = lead.score;
    if (lead.grade !== undefined) rec.grade = lead.grade;
    if (life?.wait) rec.wait = life.wait;
    else rec.wait = undefined;
    let tasks = life?.tasks;
    if (tasks?.some((t) => t.next === Number.POSITIVE_INFINITY)) tasks = tasks.filter((t) => t.next !== Number.POSITIVE_INFINITY);
    if (tasks && tasks.length > 0) rec.tasks = tasks;
    else rec.tasks = undefined;
    if (rec.wait || rec.tasks) rec.data = lead.ownData();
    else rec.data = undefined;
    rec.last = time;
  }

  // One LeadRun serves every event and timer (each is handled to the end before the next), sparing the garbage collector.
  const scratch = new LeadRun({}, 0, false);
  scratch.makeLine = makeLine;

  /** The lead as a walk sees it, rebuilt from its record at a moment (the route judges eligibility then). */
  function restore(rec: TrackedLead, time: number): LeadRun {
    const lead = scratch;
    lead.reset(rec.data ?? EMPTY, time, traced, rec.data !== undefined);
    const found = memberOf(rec.team, rec.owner);
    lead.owner = found?.member ?? null;
    lead.team = found?.team ?? null;
    lead.score = rec.score ?? undefined;
    lead.grade = rec.grade;
    lead.life = { owners: rec.owners, timeline: rec.timeline, wait: rec.wait, tasks: rec.tasks, touchedAt: rec.touchedAt, open: rec.open };
    if (rec.open && lead.owner) lead.release = releaseOpen;
    return lead;
  }

  /** After a waiting node answered: keep waiting, end the wait where the lead is, or walk on from the port. */
  function afterWake(lead: LeadRun, rec: TrackedLead, at: number, answer: string | null): OutcomeStatus {
    if (answer === WAIT) return "waiting";
    if (answer === null) return lead.owner ? "assigned" : "unassigned";
    const from = nodeIndex.get(rec.wait?.node ?? "") ?? -1;
    const slot = (slots[from] as Record<string, PortSlot>)[answer] as PortSlot;
    slot.count++;
    lead.time = at;
    return statusAfter(lead, walkFrom(lead, rec.path, slot.next, from, answer));
  }

  function expired(rec: TrackedLead, t: number): boolean {
    return !rec.wait && !rec.tasks && rec.last < t - input.retentionMs;
  }

  function enterLead(i: number): void {
    const special = input.special[i];
    const time = input.times[i] as number;
    if (special?.error !== undefined) {
      oneOff.set(i, { id: special.id, status: "error", path: [], notifications: [], error: special.error, owners: [], timeline: [] });
      return;
    }
    const data = special ? special.data : (input.leads[i] as Readonly<Record<string, unknown>>);
    const id = special ? special.id : (data.id as string);
    const known = own(tracked, id);
    if (known && !expired(known, time)) {
      warn("run.lead_known", { lead: id }, { lead: id });
      return;
    }
    if (known) delete tracked[id];
    const lead = new LeadRun(data, time, traced, special !== undefined);
    lead.makeLine = makeLine;
    lead.life = { owners: [], timeline: [], open: false };
    const path: string[] = [];
    try {
      let seg: { last: number; port: string | null; waiting: boolean } | null = null;
      for (const t of triggers) {
        if ((bound[t] as BoundNode).step(lead) === null) continue;
        path.push((nodes[t] as TimedNode).node.id);
        enteredCounts[t] = (enteredCounts[t] ?? 0) + 1;
        const entry = (slots[t] as Record<string, PortSlot>).out as PortSlot;
        entry.count++;
        seg = walkFrom(lead, path, entry.next, t, "out");
        break;
      }
      if (!seg) lead.note("", "run.no_trigger");
      const status: OutcomeStatus = seg ? statusAfter(lead, seg) : "no_trigger";
      if (lead.life.owners.length === 0 && status !== "waiting") {
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
        oneOff.set(i, outcome);
        return;
      }
      state.seq = (state.seq ?? 0) + 1;
      // Every key from the start (absent ones undefined, which JSON leaves out): one object shape for every record.
      const rec: TrackedLead = {
        seq: state.seq,
        createdAt: time,
        status: "assigned",
        owner: undefined,
        team: undefined,
        score: undefined,
        grade: undefined,
        path,
        owners: lead.life.owners,
        timeline: lead.life.timeline,
        data: undefined,
        wait: undefined,
        tasks: undefined,
        touchedAt: undefined,
        convertedAt: undefined,
        closedAt: undefined,
        open: false,
        events: [],
        last: time,
      };
      settle(rec, lead, status, time);
      tracked[id] = rec;
      enteredIds.set(i, id);
      changed.add(id);
      collect(id, lead);
      if (special?.warnings.length) notesOf(id).warnings = [...special.warnings];
      schedule(id, rec);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      oneOff.set(i, {
        id,
        status: "error",
        path: [],
        notifications: [],
        error: translate("run.failed", { detail }, lang),
        owners: [],
        timeline: [],
      });
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

  function isOwner(rec: TrackedLead, by: string): boolean {
    if (rec.owner === undefined) return false;
    if (rec.owner === by) return true;
    const m = memberOf(rec.team, rec.owner)?.member;
    return m?.email !== undefined && m.email.toLowerCase() === by.toLowerCase();
  }

  function applyEvent(ev: LeadEvent): void {
    const about = { event: ev.id, lead: ev.lead };
    const rec = own(tracked, ev.lead);
    if (!rec || expired(rec, ev.at)) {
      // Dated before a lead that comes later in this run: say so, rather than "unknown".
      const later = inputTimes().get(ev.lead);
      if (later !== undefined && later > ev.at)
        warn("event.before_created", { event: ev.id, lead: ev.lead, at: iso(ev.at), createdAt: iso(later) }, about);
      else warn("event.unknown_lead", { event: ev.id, lead: ev.lead }, about);
      return;
    }
    if (rec.events.includes(ev.id)) return;
    if (ev.at < rec.createdAt) {
      warn("event.before_created", { event: ev.id, lead: ev.lead, at: iso(ev.at), createdAt: iso(rec.createdAt) }, about);
      return;
    }
    if (ev.by !== undefined && !isOwner(rec, ev.by)) {
      warn("event.not_owner", { event: ev.id, lead: ev.lead, by: ev.by, owner: rec.owner ?? "—" }, about);
      return;
    }
    rec.events.push(ev.id);
    const at = iso(ev.at);
    const entry = { at, kind: ev.type, ...(rec.owner !== undefined ? { owner: rec.owner } : {}) };
    if (ev.type === "touched") {
      rec.timeline.push(entry);
      rec.touchedAt ??= ev.at;
    } else if (ev.type === "rejected") {
      if (ev.reason === undefined) warn("event.no_reason", { event: ev.id, lead: ev.lead }, about);
      rec.timeline.push(ev.reason !== undefined ? { ...entry, reason: ev.reason } : entry);
    } else {
      rec.timeline.push(ev.value !== undefined ? { ...entry, value: ev.value } : entry);
      if (ev.type === "converted") {
        rec.touchedAt ??= ev.at;
        rec.convertedAt ??= ev.at;
      } else rec.closedAt ??= ev.at;
      // Converted or closed: the follow-up is over and the owner has one open lead fewer, at once.
      rec.tasks = undefined;
      if (rec.open && rec.owner !== undefined) releaseOpenLead(state, rec.owner);
      rec.open = false;
    }
    changed.add(ev.lead);
    const lead = restore(rec, ev.at);
    let status: OutcomeStatus = rec.status;
    if (rec.wait) {
      const index = nodeIndex.get(rec.wait.node) ?? -1;
      const wake = bound[index]?.wake;
      if (wake) status = afterWake(lead, rec, ev.at, wake(lead, { kind: "event", event: ev }));
    }
    settle(rec, lead, status, ev.at);
    collect(ev.lead, lead);
    schedule(ev.lead, rec);
  }

  function fireTimer(id: string, t: number): void {
    if (queued.get(id) === t) queued.delete(id);
    const rec = own(tracked, id);
    if (!rec || nextTimer(rec) !== t) return;
    const lead = restore(rec, t);
    let status: OutcomeStatus = rec.status;
    const wait = rec.wait;
    if (
      wait &&
      Math.min(wait.dueAt, wait.sent < wait.remindAt.length ? (wait.remindAt[wait.sent] as number) : Number.POSITIVE_INFINITY) <= t
    ) {
      const wake = bound[nodeIndex.get(wait.node) ?? -1]?.wake;
      if (wake) status = afterWake(lead, rec, t, wake(lead, { kind: "timer", at: t }));
    }
    const tasks = lead.life?.tasks;
    // A task's next step may fall on the same instant (equal steps); the bound is a guard, not a rule.
    for (let guard = 0; tasks && guard < 1000; guard++) {
      const due = tasks.find((task) => task.next <= t);
      if (!due) break;
      const node = bound[nodeIndex.get(due.node) ?? -1];
      if (node?.task) node.task(lead, due, t);
      else due.next = Number.POSITIVE_INFINITY;
    }
    changed.add(id);
    settle(rec, lead, status, t);
    collect(id, lead);
    schedule(id, rec);
  }

  for (const [id, rec] of Object.entries(tracked)) schedule(id, rec);

  const order = input.order;
  const events = input.events;
  let li = 0;
  let ei = 0;
  for (;;) {
    const tl = li < order.length ? (input.times[order[li] as number] as number) : Number.POSITIVE_INFINITY;
    const given = ei < events.length ? (events[ei] as LeadEvent).at : Number.POSITIVE_INFINITY;
    const te = input.supplied ? Math.min(given, input.supplied.peekAt()) : given;
    const tt = heap.peek()?.t ?? Number.POSITIVE_INFINITY;
    // At the same instant: leads, then events, then timers (a touch exactly at the deadline is in time).
    if (tl <= te && tl <= tt && tl <= now) enterLead(order[li++] as number);
    else if (te <= tt && te <= now) applyEvent(given <= te ? (events[ei++] as LeadEvent) : (input.supplied?.pop() as LeadEvent));
    else if (tt <= now) {
      const timer = heap.pop();
      if (timer) fireTimer(timer.id, timer.t);
    } else break;
  }

  const notDue = {
    leads: order.slice(li).map((i) => input.special[i]?.id ?? ((input.leads[i] as Record<string, unknown>).id as string)),
    events: events.slice(ei).map((e) => e.id),
  };
  const outcomes: Outcome[] = [];
  const done = new Set<string>();
  for (let i = 0; i < input.leads.length; i++) {
    const single = oneOff.get(i);
    if (single) outcomes.push(single);
    const id = enteredIds.get(i);
    if (id !== undefined && !done.has(id)) {
      done.add(id);
      outcomes.push(...outcomeOf(id));
    }
  }
  for (const id of changed)
    if (!done.has(id)) {
      done.add(id);
      outcomes.push(...outcomeOf(id));
    }
  // Only after the outcomes: a lead that changed in a run longer than the retention still gets its outcome.
  for (const [id, rec] of Object.entries(tracked)) if (expired(rec, now)) delete tracked[id];

  function outcomeOf(id: string): Outcome[] {
    const rec = own(tracked, id);
    return rec ? [followedOutcome(id, rec, notes.get(id), traced)] : [];
  }

  return { outcomes, warnings, notDue };
}
