// The end of a time-ordered run: the state's new records, the working copies it keeps, the outcomes and what was not due.
import type { Outcome } from "../outcome";
import { overlaidLead, plainLead } from "../overlay";
import { followedOutcome } from "./outcome";
import type { LeadSlots } from "./slots";
import type { TimedInput } from "./timed-types";
import type { TrackedLead } from "./types";

export interface RunEnd {
  /** Outcomes of leads this run entered but does not follow, by input index. */
  readonly oneOff: readonly (Outcome | undefined)[];
  /** Input index → slot of the lead this run entered and follows (-1: none). */
  readonly enteredSlot: Int32Array;
  /** Records entered in this run and their slots, in entry order. */
  readonly entered: readonly TrackedLead[];
  readonly enteredAt: readonly number[];
  /** How many leads (in processing order) and events the loop took; the rest were not due. */
  readonly leadsDone: number;
  readonly eventsDone: number;
  /** Whether a record is past its retention at the run's `now`. */
  readonly expired: (rec: TrackedLead) => boolean;
  /**
   * Whether every record this run changed is within the retention at `now`: each was last changed at or after the
   * loop's first instant, which is within it. Then only records the run did not change are read for expiry (reading
   * 100,000 records once more, each a cache miss, cost more than the rest of the sweep).
   */
  readonly recentSince: boolean;
}

export function finishRun(
  input: TimedInput,
  table: LeadSlots,
  end: RunEnd,
): { outcomes: Outcome[]; notDue: { leads: string[]; events: string[] } } {
  const { ids, recs, live, liveOwned, notes, changed } = table;
  const tracked = input.state.leads ?? {};
  // Entered leads join the state's `leads` in entry order (one tight pass: inserting between the loop's other work cost
  // a cache miss each); a lead entered again after its record expired takes its place at the later entry. One already
  // past its retention at `now` is not added (the sweep below would take it out again: a simulation's story runs a
  // retention past its last lead, so most of its leads are).
  for (let k = 0; k < end.entered.length; k++) {
    const slot = end.enteredAt[k] as number;
    const rec = end.entered[k] as TrackedLead;
    if (recs[slot] === rec && (end.recentSince || !end.expired(rec))) tracked[ids[slot] as string] = rec;
  }

  // The working copies the state keeps (leads still waiting or with tasks), as plain objects of the lead's fields.
  for (let slot = 0; slot < ids.length; slot++) {
    const rec = recs[slot];
    const data = live[slot];
    if (!rec || data === undefined) continue;
    rec.data = !liveOwned[slot] || overlaidLead(data) !== undefined ? plainLead(data) : (data as Record<string, unknown>);
  }

  const notDue = {
    leads: input.order.slice(end.leadsDone).map((i) => input.special[i]?.id ?? ((input.leads[i] as Record<string, unknown>).id as string)),
    events: input.events.slice(end.eventsDone).map((e) => e.id),
  };
  const outcomes: Outcome[] = [];
  const done: boolean[] = new Array(ids.length).fill(false);
  const outcomeOf = (slot: number) => {
    done[slot] = true;
    const rec = recs[slot];
    if (rec) outcomes.push(followedOutcome(ids[slot] as string, rec, notes[slot], input.traced));
  };
  for (let i = 0; i < input.leads.length; i++) {
    const single = end.oneOff[i];
    if (single) outcomes.push(single);
    const slot = end.enteredSlot[i] as number;
    if (slot >= 0 && !done[slot]) outcomeOf(slot);
  }
  for (const slot of changed) if (!done[slot]) outcomeOf(slot);
  // Only after the outcomes: a lead that changed in a run longer than the retention still gets its outcome.
  for (let slot = 0; slot < ids.length; slot++) {
    const rec = recs[slot];
    if (rec && !(end.recentSince && table.changedInRun(slot)) && end.expired(rec)) delete tracked[ids[slot] as string];
  }
  return { outcomes, notDue };
}
