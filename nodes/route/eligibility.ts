// Who may take a lead: active, not a previous owner when excluded, not away, matching, inside working hours and not on a
// holiday, under capacity and under a wired owner cap.
import { isEmptyValue, normText, readField } from "../../src/engine/conditions/values";
import type { Member } from "../../src/engine/document/schema";
import type { EngineCode, MessageParams } from "../../src/engine/i18n";
import type { LeadRun } from "../../src/engine/lead-run";
import type { BoundNode, CompileContext } from "../../src/engine/node-spec";
import type { MemberBook } from "../../src/engine/member-book";
import type { RouteConfig } from "./schema";

export interface Reason {
  readonly code: EngineCode;
  readonly params?: MessageParams;
}

/** Why the roster's member at index `i` may not take the lead, or null when it may. */
export interface EligibilityCheck {
  (i: number, lead: LeadRun, matchValues: readonly string[] | null): Reason | null;
  /**
   * True when every member is known, from earlier checks in this run, to be inactive or at the owner cap's limit in the
   * window of `time`: nobody may take a lead at that time, whatever the lead (a roster at its limits is then answered
   * once per window and run instead of once per member and lead). False when unknown.
   */
  allAtLimit(time: number): boolean;
}

function attributeSet(member: Member, attribute: string): ReadonlySet<string> {
  const raw =
    member.attributes && Object.prototype.hasOwnProperty.call(member.attributes, attribute) ? member.attributes[attribute] : undefined;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return new Set(list.map(normText));
}

/** The lead's normalised values for `match`; null when the route has no match, [] when the lead has no value (matches nobody). */
export function matchValuesOf(config: RouteConfig, lead: LeadRun): string[] | null {
  if (!config.match) return null;
  const value = readField(lead.data, config.match.leadField);
  if (isEmptyValue(value)) return [];
  return Array.isArray(value) ? value.map(normText) : [normText(value)];
}

/** What eligibility needs of the roster and the flow's settings, built once when the flow is compiled (not per run). */
export interface RosterFacts {
  readonly attributes: readonly ReadonlySet<string>[];
  readonly holidays: ReadonlySet<string>;
  /** How many members are inactive, and the id of the first active one (to ask an owner cap for a time's window). */
  readonly inactive: number;
  readonly firstActive: string | undefined;
}

export function rosterFacts(config: RouteConfig, members: readonly Member[], ctx: CompileContext): RosterFacts {
  const match = config.match;
  const none: ReadonlySet<string> = new Set<string>();
  return {
    attributes: members.map((m) => (match ? attributeSet(m, match.memberAttribute) : none)),
    holidays: new Set(ctx.flow.settings?.holidays ?? []),
    inactive: members.reduce((n, m) => (m.active === false ? n + 1 : n), 0),
    firstActive: members.find((m) => m.active !== false)?.id,
  };
}

export function makeEligibility(
  config: RouteConfig,
  members: readonly Member[],
  ctx: CompileContext,
  roster: RosterFacts,
  book: MemberBook,
  slotAt: (i: number) => number,
  ownerCap: () => { node: string; bound: BoundNode } | null,
): EligibilityCheck {
  const match = config.match;
  const { attributes, holidays, inactive, firstActive } = roster;
  const hours = config.respect?.workingHours === true;
  const capacity = config.respect?.capacity === true;
  const matchField = match ? (ctx.fields.labels.get(match.leadField) ?? match.leadField) : "";
  const exclude = config.exclude === "previous_owners";
  // A member found at the owner cap's limit, with the cap's window then: a cap counts a lead only under its limit and
  // never counts down, so the member stays at the limit (with that count) for the window's rest of the run. A round robin
  // over a big roster mostly at its limits then asks the cap once per member and run, not once per member and lead.
  const fullIn: (string | undefined)[] = new Array<string | undefined>(members.length);
  const fullCount = new Float64Array(members.length);
  // The cap's window of the time last asked about, and its limit (one cap, one limit); how many members are known at the
  // limit in that window (counted once each), and how many are inactive (never asked).
  let askedTime = Number.NaN;
  let askedWindow = "";
  let limit = 0;
  let fullHere = 0;
  const capLimit = (node: string, i: number): Reason => ({
    code: "reason.cap_limit",
    params: { node, count: fullCount[i] as number, limit },
  });

  const check = (i: number, lead: LeadRun, matchValues: readonly string[] | null): Reason | null => {
    const member = members[i] as Member;
    if (member.active === false) return { code: "reason.inactive" };
    if (exclude && lead.ownedBefore(member.id)) return { code: "reason.owned_before" };
    if (member.away && member.away.length > 0) {
      const date = ctx.clock.keys(lead.time).day;
      for (const a of member.away) if (date >= a.from && date <= a.to) return { code: "reason.away", params: { until: a.to } };
    }
    if (match && matchValues) {
      if (matchValues.length === 0) return { code: "reason.no_lead_value", params: { field: matchField } };
      const set = attributes[i] as ReadonlySet<string>;
      if (!matchValues.some((v) => set.has(v)))
        return { code: "reason.no_match", params: { attribute: match.memberAttribute, value: matchValues.join(", ") } };
    }
    if (hours && member.workingHours && !ctx.clock.withinHours(lead.time, member.workingHours)) return { code: "reason.off_hours" };
    if (hours && holidays.size > 0 && holidays.has(ctx.clock.keys(lead.time).day)) return { code: "reason.holiday" };
    const limits = member.capacity;
    if (capacity && limits) {
      // Read only: asking about a member leaves no trace in the state (a lazy scan asks fewer members than a full one).
      const s = slotAt(i);
      if (limits.perDay !== undefined) {
        const n = book.dayCount(s, ctx.clock.keys(lead.time).day);
        if (n >= limits.perDay) return { code: "reason.day_capacity", params: { count: n, limit: limits.perDay } };
      }
      if (limits.perWeek !== undefined) {
        const n = book.weekCount(s, ctx.clock.keys(lead.time).week);
        if (n >= limits.perWeek) return { code: "reason.week_capacity", params: { count: n, limit: limits.perWeek } };
      }
      if (limits.maxOpen !== undefined) {
        const n = (member.openLeads ?? 0) + book.open(s);
        if (n >= limits.maxOpen) return { code: "reason.max_open", params: { count: n, limit: limits.maxOpen } };
      }
    }
    const cap = ownerCap();
    if (!cap) return null;
    if (lead.time === askedTime && fullIn[i] === askedWindow) return capLimit(cap.node, i);
    const at = cap.bound.ownerLimit?.(member.id, lead.time);
    if (!at) return null;
    if (at.window !== askedWindow) {
      askedWindow = at.window;
      fullHere = 0;
    }
    askedTime = lead.time;
    limit = at.limit;
    if (at.count < at.limit) return null;
    if (fullIn[i] !== askedWindow) {
      fullIn[i] = askedWindow;
      fullHere++;
    }
    fullCount[i] = at.count;
    return capLimit(cap.node, i);
  };
  const allAtLimit = (time: number): boolean => {
    if (fullHere + inactive < members.length) return false;
    if (time !== askedTime) {
      // A lead at another time: still the same window? (The cap answers its window for any member.)
      const at = firstActive === undefined ? null : ownerCap()?.bound.ownerLimit?.(firstActive, time);
      if (!at || at.window !== askedWindow) return false;
      askedTime = time;
    }
    return true;
  };
  return Object.assign(check, { allAtLimit });
}
