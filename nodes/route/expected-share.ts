// The share of a route's leads each member should get under its strategy: by weight, performance, equal or load.
import type { Member, NodeOf, Team } from "../../src/engine/document/schema";
import { memberWeight } from "./weights";

/** Member id → expected fraction of the route's leads; null when the route's picks depend on the leads (match, lead owner). */
export type Expectation = Map<string, number> | null;

const isActive = (m: Member) => m.active !== false;

function proportional(members: readonly Member[], weightOf: (m: Member) => number): Expectation {
  const total = members.reduce((sum, m) => sum + weightOf(m), 0);
  if (!(total > 0)) return null;
  return new Map(members.map((m) => [m.id, weightOf(m) / total]));
}

/** Least loaded fills the lowest loads first: members end level at L with Σ max(0, L − open) = leads (water filling). */
function waterFill(members: readonly Member[], leads: number): Expectation {
  if (members.length === 0 || leads <= 0) return null;
  const open = members.map((m) => m.openLeads ?? 0).sort((a, b) => a - b);
  let level = 0;
  for (let k = 1; k <= open.length; k++) {
    const below = open.slice(0, k).reduce((s, o) => s + o, 0);
    level = (leads + below) / k;
    const next = open[k];
    if (next === undefined || level <= next) break;
  }
  return new Map(members.map((m) => [m.id, Math.max(0, level - (m.openLeads ?? 0)) / leads]));
}

/** What share of a route's `leads` each active member of its team should get under the route's strategy. */
export function routeExpectation(route: NodeOf<"route">, team: Team, leads: number): Expectation {
  const config = route.config;
  if (config.match || config.strategy === "lead_owner") return null;
  const active = team.members.filter(isActive);
  switch (config.strategy) {
    case "round_robin":
      return proportional(active, () => 1);
    case "weighted_round_robin":
    case "random_weighted":
      return proportional(active, (m) => memberWeight(config, m));
    case "least_loaded":
      return waterFill(active, leads);
    case "fixed":
      return active.some((m) => m.id === config.member) ? new Map([[config.member ?? "", 1]]) : null;
  }
  return null;
}
