// The cap node's config: how many leads may pass per window, per owner or for the whole path.
import { z } from "zod";

export const CAP_WINDOWS = ["hour", "day", "week", "month", "total"] as const;
export type CapWindow = (typeof CAP_WINDOWS)[number];

export const capConfigSchema = z.looseObject({
  limit: z.number().int().nonnegative(),
  window: z.enum(CAP_WINDOWS),
  scope: z.enum(["owner", "path"]),
});
export type CapConfig = z.infer<typeof capConfigSchema>;
export const capDefaults = (): CapConfig => ({ limit: 20, window: "day", scope: "owner" });
export const capPorts = { in: ["in"], out: ["ok", "overflow"] } as const;
