// The result of one lead (spec §6): status, owner, team, score, grade, path, trace and notifications.
import type { Notification } from "./lead-run";
import type { OwnerEntry, TimelineEntry } from "./life/types";
import type { TraceLine } from "./trace";

export type { TraceLine } from "./trace";

export const STATUSES = ["assigned", "filtered", "unassigned", "no_trigger", "error"] as const;
export type Status = (typeof STATUSES)[number];
/** `waiting`: at a follow_up until its deadline (flows with a follow_up step only). */
export type OutcomeStatus = Status | "waiting";

export interface Outcome {
  id: string;
  status: OutcomeStatus;
  owner?: string;
  team?: string;
  score?: number | null;
  grade?: string | null;
  path: string[];
  trace?: TraceLine[];
  notifications: Notification[];
  warnings?: string[];
  error?: string;
  /** Flows with a follow_up step (spec §9): the whole story so far, cumulative over runs; times are ISO 8601. */
  owners?: OwnerEntry[];
  timeline?: TimelineEntry[];
  /** While `waiting`: the deadline of the first touch. */
  dueAt?: string;
  touchedAt?: string;
  /** Calendar minutes from the first assignment to the first touch, whatever the deadline's clock. */
  responseMinutes?: number;
  convertedAt?: string;
  closedAt?: string;
}
