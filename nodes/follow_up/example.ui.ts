// A worked example of the deadline for the form: a lead assigned to the first owner ten minutes before the end of their last
// working day of the week (not a holiday or a day of leave), and when its first contact is due on the node's clock (weekends, holidays and leave skipped).
import { addDuration, flowClock, type Flow, type Member } from "../../src/engine";
import { durationMinutes, type Duration, type FollowUpClock } from "./schema";

const MINUTE = 60_000;
const STEP = 5 * MINUTE;
/** Two weeks of five-minute steps: enough to meet any weekly shift. */
const SEARCH = (14 * 24 * 60 * MINUTE) / STEP;

export interface DeadlineExample {
  readonly assigned: number;
  readonly due: number;
}

/** `from`: the moment to look ahead from (the flow's reference time, or now). */
export function deadlineExample(flow: Flow, member: Member, within: Duration, clock: FollowUpClock, from: number): DeadlineExample {
  const zone = flowClock(flow);
  const hours = member.workingHours;
  const calendar = { clock: zone, hours, holidays: new Set(flow.settings?.holidays ?? []), away: member.away };
  let assigned = Math.floor(from / STEP) * STEP;
  if (hours && hours.days.length > 0) {
    const lastDay = Math.max(...hours.days);
    const off = (t: number) => {
      const l = zone.local(t);
      const date = `${l.year}-${String(l.month).padStart(2, "0")}-${String(l.day).padStart(2, "0")}`;
      return calendar.holidays.has(date) || (member.away ?? []).some((a) => a.from <= date && date <= a.to);
    };
    for (let i = 1, t = assigned; i <= SEARCH; i++, t += STEP) {
      const l = zone.local(t);
      if (l.weekday === lastDay && zone.withinHours(t, hours) && !zone.withinHours(t + STEP, hours) && !off(t)) {
        assigned = t + STEP - 10 * MINUTE;
        break;
      }
    }
  }
  return { assigned, due: addDuration(assigned, durationMinutes(within), clock, calendar) };
}
