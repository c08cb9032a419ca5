// The notify node's config: channel, recipient and a message template with {{lead.x}}-style variables.
import { z } from "zod";

export const CHANNELS = ["email", "slack", "sms", "webhook", "in_app"] as const;
export type Channel = (typeof CHANNELS)[number];

export const notifyConfigSchema = z.looseObject({
  channel: z.enum(CHANNELS),
  to: z.string().min(1).describe('"owner", "team" or an address'),
  subject: z.string().optional(),
  template: z.string(),
});
export type NotifyConfig = z.infer<typeof notifyConfigSchema>;
export const notifyDefaults = (): NotifyConfig => ({
  channel: "email",
  to: "owner",
  subject: "New lead for you",
  template: "New lead {{lead.id}} for {{owner.name}}",
});
export const notifyPorts = { in: ["in"], out: ["out"] } as const;
