// One lead's walk through a flow: its working copy, owner, trace and notifications.
import { startLeadBudget as startConditionBudget } from "./conditions/budget";
import { OVERLAID, overlaidLead, plainLead } from "./overlay";
import type { Member, Team } from "./document/schema";
import type { EngineCode, MessageParams } from "./i18n";
import type { LeadLife } from "./life/types";
import type { LocalTime } from "./time";
import { traceLines, type TraceLine, type TraceLineMaker } from "./trace";

export interface Notification {
  readonly node: string;
  readonly channel: string;
  readonly to: string[];
  readonly subject: string;
  readonly body: string;
}

const NO_NOTIFICATIONS = Object.freeze([]) as unknown as Notification[];

export class LeadRun {
  /** The lead as nodes see it; the first `write` lays an overlay over it, so the input lead is never touched or copied. */
  data: Readonly<Record<string, unknown>>;
  private copied: boolean;
  time: number;
  trace: TraceLine[] | null;
  /** Makes this run's trace lines (words in the run's language, made only when read). */
  makeLine: TraceLineMaker = traceLines("en");
  notifications: Notification[] = NO_NOTIFICATIONS;
  /** The score and grade the last score node gave (also in `data` when a later node reads them). */
  score: number | undefined = undefined;
  grade: string | null | undefined = undefined;
  owner: Member | null = null;
  team: Team | null = null;
  /** Undoes the current assignment's counts (an owner-scoped cap overflowing calls it); set by the route that assigned. */
  release: ((lead: LeadRun) => void) | null = null;
  /** Window keys of the assignment (day, week …), so a release takes back exactly what was counted. */
  assignedKeys: LocalTime["keys"] | null = null;
  /** The lead's owners, timeline and follow-up (flows with a follow_up step only; null keeps other runs as lean as before). */
  life: LeadLife | null = null;
  /** Members who owned the lead earlier in this walk, for `exclude: "previous_owners"` when there is no `life`. */
  pastOwners: string[] | null = null;

  constructor(data: Readonly<Record<string, unknown>>, time: number, traced: boolean, copied = false) {
    this.data = data;
    this.copied = copied;
    this.time = time;
    this.trace = traced ? [] : null;
  }

  /** Starts the next lead with this object (a run reuses one LeadRun, sparing the garbage collector). */
  reset(data: Readonly<Record<string, unknown>>, time: number, traced: boolean, copied: boolean): void {
    startConditionBudget();
    this.data = data;
    this.copied = copied;
    this.time = time;
    this.trace = traced ? [] : null;
    this.notifications = NO_NOTIFICATIONS;
    this.score = undefined;
    this.grade = undefined;
    this.owner = null;
    this.team = null;
    this.release = null;
    this.assignedKeys = null;
    this.life = null;
    this.pastOwners = null;
  }

  /** Whether a member owned this lead before (the current owner included), or had it turned back by a cap in this walk. */
  ownedBefore(memberId: string): boolean {
    if (this.owner?.id === memberId) return true;
    if (this.life?.owners.some((o) => o.owner === memberId)) return true;
    return this.pastOwners !== null && this.pastOwners.includes(memberId);
  }

  /** Whether `data` is the run's own object (writes go into it), not the caller's lead. */
  get ownsData(): boolean {
    return this.copied;
  }

  /** The working copy as data the state may keep: copied first when it is still the caller's lead object. */
  ownData(): Record<string, unknown> {
    if (!this.copied || overlaidLead(this.data) !== undefined) {
      this.data = plainLead(this.data);
      this.copied = true;
    }
    return this.data as Record<string, unknown>;
  }

  /** Adds a message to the outbox (most leads have none, so they share one empty, frozen list). */
  notify(message: Notification): void {
    // A first message makes a list of one (a push onto an empty list reserves room for 17, and most leads get one).
    if (this.notifications === NO_NOTIFICATIONS) this.notifications = [message];
    else this.notifications.push(message);
  }

  write(key: string, value: unknown): void {
    if (!this.copied) {
      // A small overlay of the written fields over the caller's lead (never copied: a CRM export may have 200 fields).
      this.data = { [OVERLAID]: this.data };
      this.copied = true;
    }
    (this.data as Record<string, unknown>)[key] = value;
  }

  note(node: string, code: EngineCode, params?: MessageParams): void {
    if (this.trace) this.trace.push(this.makeLine(node, code, params));
  }

  /** Adds a line a node made once and shares between leads (see LineCache). */
  noteLine(line: TraceLine): void {
    if (this.trace) this.trace.push(line);
  }

  /**
   * An owner cap turned the assignment back (overflow): the member never had the lead. Its story forgets the entry the
   * route wrote (and a breach or rejection that led there waits for the next route), while the walk remembers the member
   * so that a route excluding previous owners still passes it by.
   */
  undoAssignment(): void {
    const id = this.owner?.id;
    this.unassign();
    if (id === undefined) return;
    const life = this.life;
    const last = life?.owners[life.owners.length - 1];
    if (life && last?.owner === id) {
      life.owners.pop();
      const entry = life.timeline[life.timeline.length - 1];
      if (entry && entry.owner === id && (entry.kind === "assigned" || entry.kind === "reassigned")) life.timeline.pop();
      if (last.why !== "assigned") life.cause = last.why;
    }
    const past = (this.pastOwners ??= []);
    if (!past.includes(id)) past.push(id);
  }

  unassign(): void {
    const release = this.release;
    this.release = null;
    release?.(this);
    this.assignedKeys = null;
    this.owner = null;
    this.team = null;
  }
}
