// The shape of the follow-up figures (spec §9): its own module, so the run summary and the figures share it without a circle.

export interface FollowUpFigures {
  /** Leads with a first touch. */
  touched: number;
  /** Calendar minutes from first assignment to first touch, nearest-rank percentiles (null without touches). */
  responseMinutes: { median: number | null; p90: number | null };
  met: number;
  breached: number;
  rejected: number;
  waiting: number;
  reassigned: number;
  converted: number;
  /** converted ÷ leads that had an owner (null when none had). */
  conversionRate: number | null;
  rejectionReasons: Record<string, number>;
}
