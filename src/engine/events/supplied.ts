// Events a caller supplies while a run goes on (RunOptions.eventsOnAssign): asked for when a lead gets an owner, applied in time.
import type { OwnerEntry } from "../life/types";
import type { LeadEvent } from "./parse";

/**
 * All the events a lead's owners so far give it (the simulation's response model: a touch per owner, an outcome after the
 * last one). Called each time the lead gets an owner; what it returns replaces what it returned before for that lead.
 */
export type AssignedEvents = (lead: string, owners: readonly OwnerEntry[]) => readonly LeadEvent[];

/** Per lead: how many owners its events were asked for, which answer is current, and the ids already applied. */
interface Supply {
  owners: number;
  generation: number;
  fired: string[];
}

interface Entry {
  readonly event: LeadEvent;
  /** The lead's entry order, then the event's place in its answer: the order at one instant. */
  readonly rank: number;
  readonly place: number;
  readonly generation: number;
  readonly supply: Supply;
}

const before = (a: Entry, b: Entry) =>
  a.event.at < b.event.at || (a.event.at === b.event.at && (a.rank < b.rank || (a.rank === b.rank && a.place < b.place)));

/**
 * A min-heap of supplied events by time (same instant: the lead followed first, then the answer's order). An answer that
 * replaces an earlier one leaves the earlier entries in the heap; they are skipped when they come up (a generation check).
 */
export class SuppliedEvents {
  private readonly heap: Entry[] = [];
  private readonly leads = new Map<string, Supply>();

  constructor(private readonly supply: AssignedEvents) {}

  /**
   * Asks for a lead's events when its owners changed since the last answer. `rank` orders leads at one instant; `from`
   * is the run's present: an event before it, or one already applied, is not applied (again).
   */
  offer(lead: string, owners: readonly OwnerEntry[], rank: number, from: number): void {
    let s = this.leads.get(lead);
    if (s?.owners === owners.length || owners.length === 0) return;
    if (!s) {
      s = { owners: 0, generation: 0, fired: [] };
      this.leads.set(lead, s);
    }
    s.owners = owners.length;
    const generation = ++s.generation;
    const answer = this.supply(lead, owners);
    for (let place = 0; place < answer.length; place++) {
      const event = answer[place] as LeadEvent;
      if (event.at < from || s.fired.includes(event.id)) continue;
      this.push({ event, rank, place, generation, supply: s });
    }
  }

  /** The time of the next current event (+∞: none). */
  peekAt(): number {
    this.dropStale();
    return this.heap[0]?.event.at ?? Number.POSITIVE_INFINITY;
  }

  /** The next current event, marked as applied. */
  pop(): LeadEvent | undefined {
    this.dropStale();
    const top = this.take();
    if (!top) return undefined;
    top.supply.fired.push(top.event.id);
    return top.event;
  }

  private dropStale(): void {
    for (let top = this.heap[0]; top && top.generation !== top.supply.generation; top = this.heap[0]) this.take();
  }

  private push(entry: Entry): void {
    const a = this.heap;
    let i = a.length;
    a.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = a[parent] as Entry;
      if (!before(entry, p)) break;
      a[i] = p;
      i = parent;
    }
    a[i] = entry;
  }

  private take(): Entry | undefined {
    const a = this.heap;
    const top = a[0];
    const last = a.pop();
    const n = a.length;
    if (n > 0 && last) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && before(a[r] as Entry, a[l] as Entry) ? r : l;
        const child = a[m] as Entry;
        if (!before(child, last)) break;
        a[i] = child;
        i = m;
      }
      a[i] = last;
    }
    return top;
  }
}
