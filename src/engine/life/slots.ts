// The run's table of the leads it meets: one slot per lead id, its record and what only the run needs, in parallel arrays.
import type { LeadRun } from "../lead-run";
import type { Notes } from "./outcome";
import type { TrackedLead } from "./types";

/**
 * Each lead id the run meets gets a slot: its record (the state's object) and what only this run needs of it in
 * parallel arrays, so an event or a timer looks the lead up once and allocates nothing to find it.
 */
export class LeadSlots {
  readonly slotOf = new Map<string, number>();
  readonly ids: string[] = [];
  readonly recs: (TrackedLead | undefined)[] = [];
  /** The due time the heap holds for the slot already (a second entry for it would only be skipped); NaN: none. */
  readonly queued: number[] = [];
  /** The working copy of the lead's fields while its walk can go on; made plain for the state only at the end. */
  readonly live: (Readonly<Record<string, unknown>> | undefined)[] = [];
  readonly liveOwned: boolean[] = [];
  readonly notes: (Notes | undefined)[] = [];
  /** Slots whose lead changed in this run, in order of their first change. */
  readonly changed: number[] = [];
  private readonly isChanged: boolean[] = [];

  constructor(private readonly traced: boolean) {}

  slotFor(id: string): number {
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.ids.length;
      this.slotOf.set(id, slot);
      this.ids.push(id);
      this.recs.push(undefined);
      this.queued.push(Number.NaN);
      this.live.push(undefined);
      this.liveOwned.push(false);
      this.notes.push(undefined);
      this.isChanged.push(false);
    }
    return slot;
  }

  markChanged(slot: number): void {
    if (this.isChanged[slot]) return;
    this.isChanged[slot] = true;
    this.changed.push(slot);
  }

  changedInRun(slot: number): boolean {
    return this.isChanged[slot] === true;
  }

  notesOf(slot: number): Notes {
    let x = this.notes[slot];
    if (!x) {
      x = { notifications: [], trace: this.traced ? [] : null };
      this.notes[slot] = x;
    }
    return x;
  }

  /** Moves what a walk segment produced (messages, trace) into the lead's notes for this run. */
  collect(slot: number, lead: LeadRun): void {
    if (lead.notifications.length === 0 && (!lead.trace || lead.trace.length === 0)) return;
    const x = this.notes[slot];
    // The LeadRun starts fresh lists at its next reset, so a lead's first lists are taken as they are.
    if (!x) this.notes[slot] = { notifications: lead.notifications.length > 0 ? lead.notifications : [], trace: lead.trace };
    else {
      for (const m of lead.notifications) x.notifications.push(m);
      if (x.trace && lead.trace) for (const e of lead.trace) x.trace.push(e);
    }
  }
}
