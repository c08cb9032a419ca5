// The followed leads of a time-ordered run: a lead rebuilt from its record for a walk, the walk's end written back, its
// next timer queued. One LeadRun and one life serve every lead, event and timer (each is handled to the end first).
import type { Member, Team } from "../document/schema";
import type { SuppliedEvents } from "../events/supplied";
import { LeadRun } from "../lead-run";
import type { Outcome, OutcomeStatus } from "../outcome";
import { releaseOpenLead, type FlowState } from "../state";
import type { SlotHeap } from "./heap";
import type { LeadSlots } from "./slots";
import { nextTimer, type LeadLife, type TaskState, type TrackedLead } from "./types";

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});

/** Whether a cadence has a step list that is done (its next time is Infinity). */
function hasEnded(tasks: readonly TaskState[]): boolean {
  for (const t of tasks) if (t.next === Number.POSITIVE_INFINITY) return true;
  return false;
}

export class FollowedLeads {
  /** The one LeadRun every walk of the run uses (reset per lead, event or timer). */
  readonly lead = new LeadRun({}, 0, false);
  private readonly life: LeadLife = {
    owners: [],
    timeline: [],
    cause: undefined,
    wait: undefined,
    tasks: undefined,
    touchedAt: undefined,
    open: false,
  };
  /** Team id → member id → the member (no key text built per lookup: every event and timer asks). */
  private readonly members = new Map<string, Map<string, { team: Team; member: Member }>>();
  private readonly releaseOpen: (lead: LeadRun) => void;

  constructor(
    teams: readonly Team[],
    state: FlowState,
    private readonly table: LeadSlots,
    private readonly heap: SlotHeap,
    private readonly supplied: SuppliedEvents | undefined,
    private readonly traced: boolean,
    private readonly retentionMs: number,
  ) {
    for (const team of teams) {
      const byId = this.members.get(team.id) ?? new Map<string, { team: Team; member: Member }>();
      for (const member of team.members) if (!byId.has(member.id)) byId.set(member.id, { team, member });
      this.members.set(team.id, byId);
    }
    this.releaseOpen = (lead) => {
      if (lead.owner) releaseOpenLead(state, lead.owner.id);
    };
  }

  memberOf(team: string | undefined, owner: string | undefined): { team: Team; member: Member } | undefined {
    return team !== undefined && owner !== undefined ? this.members.get(team)?.get(owner) : undefined;
  }

  /** Whether `by` (a member id or e-mail) is the lead's current owner. */
  isOwner(rec: TrackedLead, by: string): boolean {
    if (rec.owner === undefined) return false;
    if (rec.owner === by) return true;
    const m = this.memberOf(rec.team, rec.owner)?.member;
    return m?.email !== undefined && m.email.toLowerCase() === by.toLowerCase();
  }

  /** Past its retention at `t`: nothing pending and unchanged for longer than the retention. */
  expired(rec: TrackedLead, t: number): boolean {
    return !rec.wait && !rec.tasks && rec.last < t - this.retentionMs;
  }

  /** The lead as a new entry sees it: its fields at `time`, no owner, an empty story. */
  fresh(data: Readonly<Record<string, unknown>>, time: number, ownsData: boolean): LeadRun {
    const { lead, life } = this;
    lead.reset(data, time, this.traced, ownsData);
    life.owners = [];
    life.timeline = [];
    life.cause = undefined;
    life.wait = undefined;
    life.tasks = undefined;
    life.touchedAt = undefined;
    life.open = false;
    lead.life = life;
    return lead;
  }

  /** The lead as a walk sees it, rebuilt from its record at a moment (the route judges eligibility then). */
  restore(slot: number, rec: TrackedLead, time: number): LeadRun {
    const { lead, life } = this;
    const data = this.table.live[slot];
    lead.reset(data ?? EMPTY, time, this.traced, data !== undefined && (this.table.liveOwned[slot] as boolean));
    const found = this.memberOf(rec.team, rec.owner);
    lead.owner = found?.member ?? null;
    lead.team = found?.team ?? null;
    lead.score = rec.score ?? undefined;
    lead.grade = rec.grade;
    life.owners = rec.owners;
    life.timeline = rec.timeline;
    life.cause = undefined;
    life.wait = rec.wait;
    life.tasks = rec.tasks;
    life.touchedAt = rec.touchedAt;
    life.open = rec.open;
    lead.life = life;
    if (rec.open && lead.owner) lead.release = this.releaseOpen;
    return lead;
  }

  /** Writes a walk segment's end into the followed lead's record. */
  settle(slot: number, rec: TrackedLead, lead: LeadRun, status: OutcomeStatus, time: number): void {
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
    if (tasks && hasEnded(tasks)) tasks = tasks.filter((t) => t.next !== Number.POSITIVE_INFINITY);
    if (tasks && tasks.length > 0) rec.tasks = tasks;
    else rec.tasks = undefined;
    const { live, liveOwned } = this.table;
    if (rec.wait || rec.tasks) {
      live[slot] = lead.data;
      liveOwned[slot] = lead.ownsData;
    } else {
      live[slot] = undefined;
      rec.data = undefined;
    }
    rec.last = time;
  }

  /** Queues the lead's next timer (unless the heap holds that time for it already) and offers it to supplied events. */
  schedule(slot: number, rec: TrackedLead): void {
    const { queued } = this.table;
    this.supplied?.offer(this.table.ids[slot] as string, rec.owners, rec.seq, rec.last);
    const t = nextTimer(rec);
    if (t === Number.POSITIVE_INFINITY || queued[slot] === t) return;
    queued[slot] = t;
    this.heap.push(t, rec.seq, slot);
  }

  /** A new record for a lead that got an owner or waits: every key from the start (one object shape for all records). */
  static record(seq: number, time: number, path: string[], life: LeadLife): TrackedLead {
    return {
      seq,
      createdAt: time,
      status: "assigned",
      owner: undefined,
      team: undefined,
      score: undefined,
      grade: undefined,
      path,
      owners: life.owners,
      timeline: life.timeline,
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
  }
}

/** The outcome of a lead that failed to enter (bad input or a walk that threw). */
export function failedOutcome(id: string, error: string): Outcome {
  return { id, status: "error", path: [], notifications: [], error, owners: [], timeline: [] };
}
