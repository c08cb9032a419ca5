// Performance weights for a route from a run's outcomes: each member's conversion, the counts behind it, and whether there are enough to trust.
import { toBoolean } from "../../engine";
import type { Team } from "../../engine";
import type { Outcome } from "../../engine";

/** Fewer leads with a known outcome than this and a member's rate is shown but not used (a 2-of-3 member is not a 67 % rep). */
export const MIN_TRUSTED_LEADS = 30;

export interface MemberRate {
  readonly member: string;
  readonly name: string;
  /** Leads this member owned whose outcome is known, and how many of them converted. */
  readonly leads: number;
  readonly converted: number;
  readonly rate: number | null;
  readonly trusted: boolean;
  /** The performance to set (the rate, two decimals); null keeps the member's current one. */
  readonly performance: number | null;
  readonly current: number | null;
}

/**
 * Conversion per member of `team` over the leads the run assigned to them: `leads[i]` is the lead of `outcomes[i]`,
 * its `outcomeField` the known outcome (true/false, 1/0, yes/no, 是/否; anything else is unknown and not counted).
 */
export function suggestWeights(
  team: Team,
  leads: readonly unknown[],
  outcomes: readonly Outcome[],
  outcomeField: string,
  minLeads = MIN_TRUSTED_LEADS,
): MemberRate[] {
  const counts = new Map<string, [number, number]>();
  outcomes.forEach((o, i) => {
    if (o.status !== "assigned" || o.team !== team.id || o.owner === undefined) return;
    const lead = leads[i];
    const known =
      lead && typeof lead === "object" && Object.hasOwn(lead, outcomeField)
        ? toBoolean((lead as Record<string, unknown>)[outcomeField])
        : null;
    if (known === null) return;
    const c = counts.get(o.owner) ?? [0, 0];
    c[0]++;
    if (known) c[1]++;
    counts.set(o.owner, c);
  });
  return team.members.map((m) => {
    const [n, yes] = counts.get(m.id) ?? [0, 0];
    const rate = n > 0 ? yes / n : null;
    const trusted = n >= minLeads;
    return {
      member: m.id,
      name: m.name || m.id,
      leads: n,
      converted: yes,
      rate,
      trusted,
      performance: trusted && rate !== null ? Math.round(rate * 100) / 100 : null,
      current: m.performance ?? null,
    };
  });
}
