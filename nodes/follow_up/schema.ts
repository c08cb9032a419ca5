// The follow_up node's config (spec §9): a deadline after assignment, its clock, reminders while waiting and a cadence after.
import { z } from "zod";
import { CHANNELS } from "../notify/schema";

export const CLOCKS = ["working_hours", "calendar"] as const;
export type FollowUpClock = (typeof CLOCKS)[number];

/** A length of time in one unit; the validator (not the schema) says when it is zero or negative, in the user's words. */
export const durationSchema = z
  .looseObject({
    minutes: z.number().finite().optional(),
    hours: z.number().finite().optional(),
    days: z.number().finite().optional().describe("calendar clock: 24 hours; working-hours clock: one of the owner's working days"),
  })
  .refine((d) => [d.minutes, d.hours, d.days].filter((v) => v !== undefined).length === 1, {
    message: "give exactly one of minutes, hours or days",
  });
export type Duration = z.infer<typeof durationSchema>;

const messageFields = {
  channel: z.enum(CHANNELS).optional().describe('default "email"'),
  to: z.string().min(1).optional().describe('"owner" (default), "team" or an address'),
  subject: z.string().optional(),
  template: z.string().optional().describe("default: the product's text in the run's language"),
};

export const reminderSchema = z.looseObject({ after: durationSchema, ...messageFields });
export const cadenceStepSchema = z.looseObject({ after: durationSchema.describe("counted from the first touch"), ...messageFields });
export type Reminder = z.infer<typeof reminderSchema>;
export type CadenceStep = z.infer<typeof cadenceStepSchema>;

export const followUpConfigSchema = z.looseObject({
  within: durationSchema.describe("the deadline for the first touch, counted from the moment the lead reaches the node"),
  clock: z.enum(CLOCKS).optional().describe('default "working_hours"'),
  remind: z.array(reminderSchema).optional().describe("sent only while the lead still waits for its first touch"),
  cadence: z.array(cadenceStepSchema).optional().describe("follow-up tasks after the deadline was met, until converted or closed"),
});
export type FollowUpConfig = z.infer<typeof followUpConfigSchema>;

export const followUpDefaults = (): FollowUpConfig => ({
  within: { minutes: 15 },
  clock: "working_hours",
  remind: [{ after: { minutes: 10 }, channel: "email", to: "owner" }],
  cadence: [],
});
export const followUpPorts = { in: ["in"], out: ["met", "breached", "rejected"] } as const;

/** A duration in minutes of its clock, and whether it is counted in the owner's working days. */
export function durationMinutes(d: Duration): { minutes: number; days: number } {
  if (d.days !== undefined) return { minutes: 0, days: d.days };
  if (d.hours !== undefined) return { minutes: d.hours * 60, days: 0 };
  return { minutes: d.minutes ?? 0, days: 0 };
}
