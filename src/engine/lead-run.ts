// One lead's walk through a flow: its working copy, owner, trace and notifications.
import { startLeadBudget as startConditionBudget } from "./conditions/budget";
import type { Member, Team } from "./document/schema";
import type { EngineCode, MessageParams } from "./i18n";
import type { LocalTime } from "./time";

export interface TraceEntry {
  readonly node: string;
  readonly code: EngineCode;
  readonly params?: MessageParams;
}

export interface Notification {
  readonly node: string;
  readonly channel: string;
  readonly to: string[];
  readonly subject: string;
  readonly body: string;
}

const NO_NOTIFICATIONS = Object.freeze([]) as unknown as Notification[];

export class LeadRun {
  /** The lead as nodes see it; `write` copies it before the first change, so the input lead is never touched. */
  data: Readonly<Record<string, unknown>>;
  private copied: boolean;
  time: number;
  trace: TraceEntry[] | null;
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
  }

  /** Adds a message to the outbox (most leads have none, so they share one empty, frozen list). */
  notify(message: Notification): void {
    if (this.notifications === NO_NOTIFICATIONS) this.notifications = [];
    this.notifications.push(message);
  }

  write(key: string, value: unknown): void {
    if (!this.copied) {
      // Object.assign, not spread: V8 turns a spread clone that then gains properties into a slow dictionary object.
      this.data = Object.assign({}, this.data);
      this.copied = true;
    }
    (this.data as Record<string, unknown>)[key] = value;
  }

  note(node: string, code: EngineCode, params?: MessageParams): void {
    if (this.trace) this.trace.push(params ? { node, code, params } : { node, code });
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
