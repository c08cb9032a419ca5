// The flow's settings with their defaults applied, each default stated once: time zone and seed.
import type { Flow } from "./document/schema";
import { makeClock, type Clock } from "./time";

/** The flow's time zone (default UTC). */
export function flowTimeZone(flow: Pick<Flow, "settings">): string {
  return flow.settings?.timezone ?? "UTC";
}

/** A clock in the flow's time zone. */
export function flowClock(flow: Pick<Flow, "settings">): Clock {
  return makeClock(flowTimeZone(flow));
}

/** The flow's random seed (default 1): same seed, same results. */
export function flowSeed(flow: Pick<Flow, "settings">): number {
  return flow.settings?.seed ?? 1;
}
