// A member's weight for the weighted strategies and for expected shares: one rule, used by both.
import type { Member } from "../../src/engine/document/schema";
import type { RouteConfig } from "./schema";

/** A member's weight for weighted strategies: its `performance` (performance-based routing) or its `weight` (default 1). */
export function memberWeight(config: Pick<RouteConfig, "weightBy">, member: Member): number {
  return config.weightBy === "performance" ? (member.performance ?? 0) : (member.weight ?? 1);
}
