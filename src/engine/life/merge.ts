// Joins the outcomes of consecutive runs: each lead's latest outcome (its story is cumulative) with every run's messages.
import type { Outcome } from "../outcome";

/**
 * The outcomes of several runs of one flow, carried state between them, as one run would give them: per lead the
 * latest outcome, with the notifications (and trace lines) of every run in order; leads in order of first appearance.
 */
export function mergeRunOutcomes(runs: readonly (readonly Outcome[])[]): Outcome[] {
  const byId = new Map<string, Outcome>();
  for (const outcomes of runs) {
    for (const o of outcomes) {
      const before = byId.get(o.id);
      if (!before) {
        byId.set(o.id, o);
        continue;
      }
      const merged: Outcome = { ...o, notifications: [...before.notifications, ...o.notifications] };
      if (before.trace || o.trace) merged.trace = [...(before.trace ?? []), ...(o.trace ?? [])];
      if (before.warnings || o.warnings) merged.warnings = [...(before.warnings ?? []), ...(o.warnings ?? [])];
      byId.set(o.id, merged);
    }
  }
  return [...byId.values()];
}
