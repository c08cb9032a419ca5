// Follow-up differences between two runs on the same leads: in time, missed, response times, conversions.
import type { FollowUpFigures, Summary } from "../engine";

export type FollowUpMeasure = "met" | "breached" | "rejected" | "reassigned" | "median" | "p90" | "converted" | "conversionRate";

export interface FollowUpDelta {
  readonly measure: FollowUpMeasure;
  readonly before: number | null;
  readonly after: number | null;
  /** after − before; null when either side has no value (no follow-up step, no touches). */
  readonly delta: number | null;
}

const MEASURES: readonly [FollowUpMeasure, (f: FollowUpFigures) => number | null][] = [
  ["met", (f) => f.met],
  ["breached", (f) => f.breached],
  ["rejected", (f) => f.rejected],
  ["reassigned", (f) => f.reassigned],
  ["median", (f) => f.responseMinutes.median],
  ["p90", (f) => f.responseMinutes.p90],
  ["converted", (f) => f.converted],
  ["conversionRate", (f) => f.conversionRate],
];

/** The follow-up figures of two runs side by side; null when neither run has a follow-up step. */
export function compareFollowUp(before: Summary, after: Summary): FollowUpDelta[] | null {
  const a = before.followUp;
  const b = after.followUp;
  if (!a && !b) return null;
  return MEASURES.map(([measure, read]) => {
    const x = a ? read(a) : null;
    const y = b ? read(b) : null;
    return { measure, before: x, after: y, delta: x === null || y === null ? null : y - x };
  });
}
