// The simulation's response-speed model (spec §9): seeded log-normal first touches per member, outcomes, the assumption curve.
import { addWorkingMinutes, flowClock, flowSeed, toBoolean, type Flow, type Member, type OwnerEntry, type WorkCalendar } from "../engine";
import { Random, streamSeed } from "./random";

/** A member without `responseMinutes` answers in this many working minutes (median). */
export const DEFAULT_RESPONSE_MINUTES = 30;
/** A member without `responseSpread`: the log-normal σ (0.5 puts 90 % of touches within ~1.9× the median). */
export const DEFAULT_RESPONSE_SPREAD = 0.5;
/** A converted or closed lead's outcome event comes this many calendar minutes (median) after its first touch. */
export const OUTCOME_DELAY_MINUTES = 2 * 24 * 60;
export const OUTCOME_DELAY_SPREAD = 0.8;
/** Generated events carry ids starting with this, so their warnings (a touch by a former owner) stay out of sight. */
export const MODEL_EVENT_PREFIX = "sim:";

/** One point of the assumption curve: at this response time, this share of the leads that converted still converts. */
export interface CurvePoint {
  readonly minutes: number;
  readonly keep: number;
}

/** The default assumption (off unless chosen): answering within 5 minutes keeps every conversion, a day keeps 40 %. */
export const DEFAULT_CURVE: readonly CurvePoint[] = [
  { minutes: 5, keep: 1 },
  { minutes: 60, keep: 0.7 },
  { minutes: 240, keep: 0.55 },
  { minutes: 1440, keep: 0.4 },
];

export interface ResponseModelOptions {
  /** Default: the flow's seed. */
  seed?: number;
  /** The lead field holding the known outcome (converted or not); without it, no converted/closed events are drawn. */
  outcomeField?: string;
  /** The assumption curve lowering conversion as response time grows; absent or null = off (the default). */
  curve?: readonly CurvePoint[] | null;
}

/** An event as the engine reads it; `at` in ms. */
export interface ModelEvent {
  readonly id: string;
  readonly lead: string;
  readonly type: "touched" | "converted" | "closed";
  readonly at: number;
  readonly by: string;
}

export interface ResponseModel {
  /** The events the model gives a lead whose owners (in order) are these; the same inputs always give the same events. */
  eventsFor(lead: string, data: Readonly<Record<string, unknown>> | undefined, owners: readonly OwnerEntry[]): ModelEvent[];
  /** One member's first-touch delay in working minutes for a lead and assignment number (exposed for tests and charts). */
  drawMinutes(member: string, lead: string, assignment: number): number;
}

/** The share of conversions kept at a response time: linear between the curve's points, flat before and after them. */
export function curveKeep(curve: readonly CurvePoint[], minutes: number): number {
  const points = [...curve].sort((a, b) => a.minutes - b.minutes);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return 1;
  if (minutes <= first.minutes) return clamp01(first.keep);
  if (minutes >= last.minutes) return clamp01(last.keep);
  for (let i = 1; i < points.length; i++) {
    const b = points[i] as CurvePoint;
    const a = points[i - 1] as CurvePoint;
    if (minutes <= b.minutes) return clamp01(a.keep + ((b.keep - a.keep) * (minutes - a.minutes)) / (b.minutes - a.minutes || 1));
  }
  return clamp01(last.keep);
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** A uniform draw in [0, 1) that depends only on the seed and a name (one stream per lead and purpose). */
function draw(seed: number, name: string): Random {
  return new Random(streamSeed(seed, name));
}

export function makeResponseModel(flow: Flow, options: ResponseModelOptions = {}): ResponseModel {
  const seed = options.seed ?? flowSeed(flow);
  const clock = flowClock(flow);
  const holidays = new Set(flow.settings?.holidays ?? []);
  const members = new Map<string, { member: Member; calendar: WorkCalendar }>();
  for (const team of flow.teams)
    for (const member of team.members)
      if (!members.has(member.id))
        members.set(member.id, { member, calendar: { clock, hours: member.workingHours, holidays, away: member.away } });
  const curve = options.curve && options.curve.length > 0 ? options.curve : null;

  function drawMinutes(member: string, lead: string, assignment: number): number {
    const m = members.get(member)?.member;
    const median = m?.responseMinutes ?? DEFAULT_RESPONSE_MINUTES;
    const spread = m?.responseSpread ?? DEFAULT_RESPONSE_SPREAD;
    return draw(seed, `touch|${lead}|${assignment}`).logNormal(median, spread);
  }

  function touchAt(member: string, from: number, minutes: number): number {
    const calendar = members.get(member)?.calendar;
    // Whole milliseconds: events are compared and written as ISO text.
    return Math.round(calendar ? addWorkingMinutes(from, minutes, calendar) : from + minutes * 60_000);
  }

  function eventsFor(lead: string, data: Readonly<Record<string, unknown>> | undefined, owners: readonly OwnerEntry[]): ModelEvent[] {
    const events: ModelEvent[] = [];
    let lastTouch = Number.NaN;
    owners.forEach((entry, j) => {
      const at = touchAt(entry.owner, Date.parse(entry.at), drawMinutes(entry.owner, lead, j));
      lastTouch = at;
      // A touch after the lead went to its next owner would only be refused (by someone who is not the owner): the
      // run would warn and apply nothing, and the simulation drops the model's warnings. Not made at all.
      const next = owners[j + 1];
      if (next && at > Date.parse(next.at)) return;
      events.push({ id: `${MODEL_EVENT_PREFIX}${lead}:${j}:touched`, lead, type: "touched", at, by: entry.owner });
    });
    const last = owners[owners.length - 1];
    if (!options.outcomeField || !last || !data) return events;
    const known = toBoolean(data[options.outcomeField]);
    if (known === null) return events;
    let converted = known;
    if (converted && curve) {
      // The lead waited from its first assignment to the touch that answered it (the engine's response time).
      const waited = (lastTouch - Date.parse((owners[0] as OwnerEntry).at)) / 60_000;
      converted = draw(seed, `keep|${lead}`).next() < curveKeep(curve, waited);
    }
    const delay = draw(seed, `outcome|${lead}`).logNormal(OUTCOME_DELAY_MINUTES, OUTCOME_DELAY_SPREAD);
    events.push({
      id: `${MODEL_EVENT_PREFIX}${lead}:${converted ? "converted" : "closed"}`,
      lead,
      type: converted ? "converted" : "closed",
      at: Math.round(lastTouch + delay * 60_000),
      by: last.owner,
    });
    return events;
  }

  return { eventsFor, drawMinutes };
}
