// Follow-up figures (spec §9) over a set of outcomes: touches, response times, met/breached/rejected, conversions, reasons.
import type { Flow } from "../document/schema";
import type { Outcome } from "../outcome";
import type { Summary } from "../summary";
import type { FollowUpFigures } from "./figures";

export type { FollowUpFigures } from "./figures";

/** The reason key of a rejection without one. */
export const NO_REASON = "none given";

/** Nearest-rank percentile of sorted values: the smallest value with at least p of the values at or below it. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] as number;
}

class Tally {
  touched = 0;
  readonly minutes: number[] = [];
  met = 0;
  breached = 0;
  rejected = 0;
  waiting = 0;
  reassigned = 0;
  converted = 0;
  owned = 0;
  readonly reasons: Record<string, number> = {};

  /** One met, breached, rejected (with its reason) or reassigned entry of a timeline. */
  count(kind: "met" | "breached" | "rejected" | "reassigned", reason: string | undefined): void {
    this[kind]++;
    if (kind === "rejected") {
      const key = reason ?? NO_REASON;
      this.reasons[key] = (this.reasons[key] ?? 0) + 1;
    }
  }

  figures(): FollowUpFigures {
    // A typed array sorts numbers natively (no comparator call per pair); the values are finite, so the order is the same.
    const sorted = Float64Array.from(this.minutes).sort();
    return {
      touched: this.touched,
      responseMinutes: { median: percentile(sorted, 0.5), p90: percentile(sorted, 0.9) },
      met: this.met,
      breached: this.breached,
      rejected: this.rejected,
      waiting: this.waiting,
      reassigned: this.reassigned,
      converted: this.converted,
      conversionRate: this.owned > 0 ? this.converted / this.owned : null,
      rejectionReasons: { ...this.reasons },
    };
  }
}

/**
 * The figures over outcomes, each lead counted from its whole story (owners, timeline), so the figures of the latest
 * outcome of every lead are the same whether the leads ran in one run or in several. Per owner: met, breached,
 * rejected and rejection reasons go to the owner at that moment; touched and response time to the member who made
 * the first touch's lead owner then; reassigned to the member who received the lead; waiting, converted and the
 * conversion rate to the lead's current owner.
 */
export function followUpFigures(outcomes: readonly Outcome[]): { overall: FollowUpFigures; byOwner: Map<string, FollowUpFigures> } {
  const all = new Tally();
  const per = new Map<string, Tally>();
  const of = (owner: string | undefined) => {
    if (owner === undefined) return null;
    let t = per.get(owner);
    if (!t) per.set(owner, (t = new Tally()));
    return t;
  };
  for (const o of outcomes) {
    const timeline = o.timeline ?? [];
    if ((o.owners?.length ?? 0) > 0) {
      all.owned++;
      const t = of(o.owner);
      if (t) t.owned++;
    }
    if (o.status === "waiting") {
      all.waiting++;
      const t = of(o.owner);
      if (t) t.waiting++;
    }
    if (o.convertedAt !== undefined) {
      all.converted++;
      const t = of(o.owner);
      if (t) t.converted++;
    }
    if (o.responseMinutes !== undefined) {
      all.touched++;
      all.minutes.push(o.responseMinutes);
      const first = timeline.find((e) => e.kind === "touched" || e.kind === "converted");
      const t = of(first?.owner);
      if (t) {
        t.touched++;
        t.minutes.push(o.responseMinutes);
      }
    }
    for (const e of timeline) {
      const kind = e.kind;
      if (kind !== "met" && kind !== "breached" && kind !== "rejected" && kind !== "reassigned") continue;
      all.count(kind, e.reason);
      of(e.owner)?.count(kind, e.reason);
    }
  }
  return { overall: all.figures(), byOwner: new Map([...per].map(([k, v]) => [k, v.figures()])) };
}

/** Adds `followUp` to a run's summary, overall and in each owner's entry (an owner with figures but no lead now gets count 0). */
export function summariseFollowUp(flow: Flow, outcomes: readonly Outcome[], summary: Summary): void {
  const { overall, byOwner } = followUpFigures(outcomes);
  summary.followUp = overall;
  summary.byStatus.waiting ??= 0;
  const teamOf = new Map<string, { team: string; name: string }>();
  for (const team of flow.teams) for (const m of team.members) if (!teamOf.has(m.id)) teamOf.set(m.id, { team: team.id, name: m.name });
  for (const [owner, figures] of byOwner) {
    const entry = (summary.byOwner[owner] ??= { team: teamOf.get(owner)?.team ?? "", name: teamOf.get(owner)?.name ?? owner, count: 0 });
    entry.followUp = figures;
  }
}
