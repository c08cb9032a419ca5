// The outcome of a followed lead (spec §9): its whole story from the state record, with this run's messages and trace.
import { toTime } from "../conditions/values";
import { isoTime } from "../iso-time";
import type { Notification } from "../lead-run";
import type { Outcome, TraceLine } from "../outcome";
import type { TrackedLead } from "./types";

/** What one run produced for a lead: its messages, trace lines and fill-in warnings (never kept in the state). */
export interface Notes {
  notifications: Notification[];
  trace: TraceLine[] | null;
  warnings?: string[];
}

const iso = isoTime;

/** Copies out of the record (the caller may change the outcome; the state goes on to the next run). */
export function followedOutcome(id: string, rec: TrackedLead, notes: Notes | undefined, traced: boolean): Outcome {
  const firstAssigned = rec.owners[0] ? toTime(rec.owners[0].at) : undefined;
  const outcome: Outcome = {
    id,
    status: rec.status,
    owner: rec.owner,
    team: rec.owner !== undefined ? rec.team : undefined,
    score: rec.score,
    grade: rec.grade,
    path: rec.path.slice(),
    notifications: notes?.notifications ?? [],
    owners: rec.owners.slice(),
    timeline: rec.timeline.slice(),
    dueAt: rec.wait ? iso(rec.wait.dueAt) : undefined,
    touchedAt: rec.touchedAt !== undefined ? iso(rec.touchedAt) : undefined,
    responseMinutes: rec.touchedAt !== undefined && firstAssigned !== undefined ? (rec.touchedAt - firstAssigned) / 60_000 : undefined,
    convertedAt: rec.convertedAt !== undefined ? iso(rec.convertedAt) : undefined,
    closedAt: rec.closedAt !== undefined ? iso(rec.closedAt) : undefined,
  };
  if (notes?.warnings) outcome.warnings = notes.warnings;
  if (notes?.trace) outcome.trace = notes.trace;
  else if (traced) outcome.trace = [];
  return outcome;
}
