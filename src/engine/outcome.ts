// The result of one lead (spec §6): status, owner, team, score, grade, path, trace and notifications.
import type { MessageParams } from "./i18n";
import type { Notification } from "./lead-run";

export const STATUSES = ["assigned", "filtered", "unassigned", "no_trigger", "error"] as const;
export type Status = (typeof STATUSES)[number];

export interface TraceLine {
  readonly node: string;
  readonly code: string;
  readonly params?: MessageParams;
  /** The line in plain words, in the run's language. */
  readonly text: string;
}

export interface Outcome {
  id: string;
  status: Status;
  owner?: string;
  team?: string;
  score?: number | null;
  grade?: string | null;
  path: string[];
  trace?: TraceLine[];
  notifications: Notification[];
  warnings?: string[];
  error?: string;
}
