// A lead's life after assignment (spec §9): owners in order, the timeline, a pending follow-up wait and cadence tasks — plain JSON.

/** Why a member became the owner: the first assignment, or a reassignment after a breach or a rejection. */
export type OwnerWhy = "assigned" | "breached" | "rejected";

export interface OwnerEntry {
  readonly owner: string;
  /** ISO time of the assignment. */
  readonly at: string;
  readonly why: OwnerWhy;
}

export const TIMELINE_KINDS = [
  "assigned",
  "reminded",
  "touched",
  "met",
  "breached",
  "rejected",
  "reassigned",
  "task",
  "converted",
  "closed",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  /** ISO time. */
  readonly at: string;
  readonly kind: TimelineKind;
  /** The owner at that moment (for `touched`, the member who touched it). */
  readonly owner?: string;
  /** The node that caused the entry (route, follow_up); events have none. */
  readonly node?: string;
  /** `rejected`: the owner's reason ("none given" when missing is shown by the UI). */
  readonly reason?: string;
  /** `converted`: the value the event carried. */
  readonly value?: number;
}

/** A lead waiting at a follow_up node for its first touch; times in ms since 1970 (state is JSON, numbers are compact). */
export interface WaitState {
  readonly node: string;
  /** When the lead reached the node (the deadline and reminders count from here). */
  readonly since: number;
  readonly dueAt: number;
  /** Due times of the node's reminders, in order, and how many are already sent or skipped. */
  readonly remindAt: number[];
  sent: number;
  /** The owner whose clock the deadline runs on. */
  readonly owner: string;
}

/** A follow_up node's cadence after `met`: the next step's due time; the steps count from the first touch. */
export interface TaskState {
  readonly node: string;
  readonly from: number;
  step: number;
  next: number;
}

/** What a run needs of a lead's life while it walks (on the LeadRun). */
export interface LeadLife {
  owners: OwnerEntry[];
  timeline: TimelineEntry[];
  /** Set by a follow_up when the lead leaves by `breached` or `rejected`, so the next route records a reassignment. */
  cause?: "breached" | "rejected";
  /** Set by a follow_up when the lead starts waiting; the run keeps it in the state. */
  wait?: WaitState;
  tasks?: TaskState[];
  touchedAt?: number;
  /** Whether the lead counts in its owner's open leads (released once at `converted`/`closed` or reassignment). */
  open: boolean;
}

/** A lead the state follows after its walk: everything a later run needs to continue it (spec §9 "Running with time"). */
export interface TrackedLead {
  /** Entry order across runs: timers due at the same instant fire in this order. */
  seq: number;
  createdAt: number;
  status: "assigned" | "filtered" | "unassigned" | "waiting";
  owner?: string;
  team?: string;
  score?: number | null;
  grade?: string | null;
  path: string[];
  owners: OwnerEntry[];
  timeline: TimelineEntry[];
  /** The working copy of the lead's fields; kept only while a walk can still continue (waiting). */
  data?: Record<string, unknown>;
  wait?: WaitState;
  tasks?: TaskState[];
  touchedAt?: number;
  convertedAt?: number;
  closedAt?: number;
  open: boolean;
  /** Ids of the events applied to this lead (idempotency; kept as long as the lead is). */
  events: string[];
  /** Time of the last change (retention). */
  last: number;
}

/** The next timer of a followed lead (its wait's reminder or deadline, or a cadence task); Infinity when none. */
export function nextTimer(rec: { wait?: WaitState; tasks?: TaskState[] }): number {
  let next = Number.POSITIVE_INFINITY;
  const w = rec.wait;
  if (w) next = Math.min(w.sent < w.remindAt.length ? Math.min(w.remindAt[w.sent] as number, w.dueAt) : w.dueAt, next);
  if (rec.tasks) for (const t of rec.tasks) if (t.next < next) next = t.next;
  return next;
}
