// A route's lead count per member and round-robin cursor by roster position for one run, written back to its JSON state.
import type { Member } from "../../src/engine/document/schema";
import { own } from "../../src/engine/state";

export interface RouteState extends Record<string, unknown> {
  /** Leads placed by this node per member (catch-up ledger); a new member starts at the current lowest count. */
  counts: Record<string, number>;
  /** Round robin: the member the next search starts at, and its roster index should that member leave. */
  next?: string;
  nextIndex?: number;
  /** Smooth weighted round robin: each member's current value. */
  current?: Record<string, number>;
  /** Weighted random: the generator's 32-bit state. */
  rng?: number;
}

const UNREAD = 0;
const COUNTED = 1;
const ABSENT = 2;

/**
 * Leads placed by this node per member (`counts`, keyed by member id in the state). Each member's count is read on
 * first use and written back by `save`, so a lead never looks an id up in the state's map (see MemberBook for why).
 * Members never seen by this node are enrolled straight into the JSON, as before, so its keys keep their order.
 */
export class RouteLedger {
  private readonly value: Float64Array;
  private readonly seen: Uint8Array;
  private readonly changed: Uint8Array;
  private readonly changedAt: number[] = [];
  /** True once every roster member has a count (nobody left to enrol in this run). */
  private complete = false;

  constructor(
    private readonly members: readonly Member[],
    private readonly st: RouteState,
  ) {
    this.value = new Float64Array(members.length);
    this.seen = new Uint8Array(members.length);
    this.changed = new Uint8Array(members.length);
  }

  private read(i: number): void {
    const v = own(this.st.counts, (this.members[i] as Member).id);
    if (v === undefined) this.seen[i] = ABSENT;
    else {
      this.value[i] = v;
      this.seen[i] = COUNTED;
    }
  }

  /** Whether the member has a count (enrolled by this node in this run or an earlier one). */
  has(i: number): boolean {
    if (this.seen[i] === UNREAD) this.read(i);
    return this.seen[i] === COUNTED;
  }

  /** The member's count, 0 when it has none. */
  count(i: number): number {
    return this.has(i) ? (this.value[i] as number) : 0;
  }

  /** Members never seen by this node join at the current lowest count, so they are not flooded with make-up leads. */
  enrol(): void {
    if (this.complete) return;
    let lowest = Number.POSITIVE_INFINITY;
    let missing = false;
    for (let i = 0; i < this.members.length; i++) {
      if (!this.has(i)) missing = true;
      else if ((this.value[i] as number) < lowest) lowest = this.value[i] as number;
    }
    this.complete = true;
    if (!missing) return;
    const start = Number.isFinite(lowest) ? lowest : 0;
    for (let i = 0; i < this.members.length; i++) {
      if (this.seen[i] !== ABSENT) continue;
      this.st.counts[(this.members[i] as Member).id] = start;
      this.value[i] = start;
      this.seen[i] = COUNTED;
    }
  }

  /** Sets a member's count (it has one: enrolled first). */
  set(i: number, n: number): void {
    this.value[i] = n;
    if (this.changed[i] === 1) return;
    this.changed[i] = 1;
    this.changedAt.push(i);
  }

  save(): void {
    for (const i of this.changedAt) this.st.counts[(this.members[i] as Member).id] = this.value[i] as number;
  }
}

/** Where the next round-robin search starts, by roster position for the run; the state keeps the member's id too. */
export class RoundRobinCursor {
  at: number;
  private moved = false;

  constructor(
    private readonly members: readonly Member[],
    private readonly st: RouteState,
    indexOf: (id: string) => number,
  ) {
    const n = members.length;
    const byId = st.next === undefined ? -1 : indexOf(st.next);
    this.at = n === 0 ? 0 : byId >= 0 ? byId : (st.nextIndex ?? 0) % n;
  }

  /** The next search starts at roster position `after`. */
  move(after: number): void {
    this.at = after;
    this.moved = true;
  }

  save(): void {
    if (!this.moved) return;
    this.st.next = (this.members[this.at] as Member).id;
    this.st.nextIndex = this.at;
  }
}
