// A run's member counters (leads today, this week, still open) in arrays by slot, read from the JSON state once per member.
import { holdMembers, memberState, own, type FlowState, type LiveMembers, type MemberState } from "./state";
import { startTally, Tally } from "./tally";
import type { LocalTime } from "./time";

type Keys = LocalTime["keys"];

/**
 * The state keeps member counters keyed by member id, in objects whose shapes depend on where the JSON came from and
 * how many days it has carried. Looking them up per lead made every property access on the hot path megamorphic in a
 * long-running process (issue 17). A run instead gives each member it meets a slot: its JSON is read once, counting
 * goes to arrays and one-shape tallies, and `save` writes the changed members back when the run ends. A key the JSON
 * record lacks is created at the moment the old code created it, so the saved JSON has the same keys in the same order.
 */
export class MemberBook implements LiveMembers {
  private readonly slots = new Map<string, number>();
  private readonly ids: string[] = [];
  /** The member's JSON record; undefined until the member has one (created on its first change). */
  private readonly records: (MemberState | undefined)[] = [];
  private readonly day: (Tally | null)[] = [];
  private readonly week: (Tally | null)[] = [];
  /** Leads assigned by this flow and still open; NaN where the record has none. */
  private readonly assigned: number[] = [];
  private readonly changed: boolean[] = [];
  private readonly changedSlots: number[] = [];

  constructor(private readonly state: FlowState) {
    holdMembers(state, this);
  }

  /** The member's slot, reading its JSON record on first use (reading leaves no trace in the state). */
  slot(id: string): number {
    const known = this.slots.get(id);
    if (known !== undefined) return known;
    const s = this.ids.length;
    const record = own(this.state.members, id);
    const open = record?.assigned;
    this.slots.set(id, s);
    this.ids.push(id);
    this.records.push(record);
    this.day.push(Tally.from(record?.day));
    this.week.push(Tally.from(record?.week));
    this.assigned.push(typeof open === "number" ? open : NaN);
    this.changed.push(false);
    return s;
  }

  dayCount(s: number, window: string): number {
    const t = this.day[s];
    return t ? t.count(window) : 0;
  }

  weekCount(s: number, window: string): number {
    const t = this.week[s];
    return t ? t.count(window) : 0;
  }

  /** Leads assigned by this flow and not released. */
  open(s: number): number {
    const n = this.assigned[s] as number;
    return n === n ? n : 0;
  }

  /** A lead assigned at a moment with these window keys. */
  assign(s: number, keys: Keys): void {
    const day = this.day[s];
    const week = this.week[s];
    const n = this.assigned[s] as number;
    if (day) day.add(keys.day, 1);
    else this.day[s] = startTally(keys.day, 1);
    if (week) week.add(keys.week, 1);
    else this.week[s] = startTally(keys.week, 1);
    this.assigned[s] = (n === n ? n : 0) + 1;
    if (!day || !week || n !== n) this.define(s);
    this.touch(s);
  }

  /** Takes back an assignment counted with these keys (an owner-scoped cap overflowed). */
  release(s: number, keys: Keys): void {
    const n = this.assigned[s] as number;
    this.day[s]?.add(keys.day, -1);
    this.week[s]?.add(keys.week, -1);
    this.assigned[s] = Math.max(0, (n === n ? n : 1) - 1);
    if (n !== n || this.records[s] === undefined) this.define(s);
    this.touch(s);
  }

  releaseOpen(memberId: string): void {
    const s = this.slot(memberId);
    const n = this.assigned[s] as number;
    this.assigned[s] = Math.max(0, (n === n ? n : 1) - 1);
    if (n !== n || this.records[s] === undefined) this.define(s);
    this.touch(s);
  }

  /** Writes every changed member back into the JSON state and hands the counters back to it. */
  save(): void {
    for (const s of this.changedSlots) {
      const record = this.records[s] as MemberState;
      const day = this.day[s];
      const week = this.week[s];
      const n = this.assigned[s] as number;
      if (day) record.day = day.save(record.day);
      if (week) record.week = week.save(record.week);
      if (n === n) record.assigned = n;
    }
    holdMembers(this.state, null);
  }

  /** Creates the record and the keys it lacks now, in the order the counting code first wrote them. */
  private define(s: number): void {
    const record = (this.records[s] ??= memberState(this.state, this.ids[s] as string));
    const day = this.day[s];
    const week = this.week[s];
    const n = this.assigned[s] as number;
    if (day && record.day === undefined) record.day = day.save(undefined);
    if (week && record.week === undefined) record.week = week.save(undefined);
    if (n === n && record.assigned === undefined) record.assigned = n;
  }

  private touch(s: number): void {
    if (this.changed[s]) return;
    this.changed[s] = true;
    this.changedSlots.push(s);
  }
}
