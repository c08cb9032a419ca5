// The flow templates a manager can start from: each a complete, valid, documented flow with sample leads that run clean.
import { dailyCaps } from "./daily-caps";
import { followUpCadence } from "./follow-up-cadence";
import type { Template } from "./define";
import { hotLeadAlert } from "./hot-lead-alert";
import { roundRobin } from "./round-robin";
import { skillMatch } from "./skill-match";
import { speedToLead } from "./speed-to-lead";
import { territory } from "./territory";
import { valueTiers } from "./value-tiers";
import { weighted } from "./weighted";

export type { LocalText, Template } from "./define";

/** In the order the "New flow" gallery shows them: simplest first. */
export const TEMPLATES: readonly Template[] = [
  roundRobin,
  weighted,
  territory,
  skillMatch,
  valueTiers,
  dailyCaps,
  hotLeadAlert,
  speedToLead,
  followUpCadence,
];

export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
