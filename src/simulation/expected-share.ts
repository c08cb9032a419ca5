// Expected shares of a team's leads per member, from the routes that placed them: by weight, performance, equal or load.
import type { Flow, Member, NodeOf, Team, Outcome } from "../engine";

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
    case "round_robin": return proportional(active, () => 1);
    case "weighted_round_robin":
    case "random_weighted":
      return proportional(active, (m) => (config.weightBy === "performance" ? m.performance ?? 0 : m.weight ?? 1));
    case "least_loaded": return waterFill(active, leads);
    case "fixed": return active.some((m) => m.id === config.member) ? new Map([[config.member ?? "", 1]]) : null;
  }
  return null;
}

/** The route that placed an assigned lead: the last route on its path into the lead's final team. */
export function placingRoute(outcome: Outcome, routes: ReadonlyMap<string, NodeOf<"route">>): NodeOf<"route"> | null {
  for (let i = outcome.path.length - 1; i >= 0; i--) {
    const route = routes.get(outcome.path[i] as string);
    if (route && route.config.team === outcome.team) return route;
  }
  return null;
}

/**
 * Expected lead counts per `team\u0000member`, summing each route's expectation over the leads it placed. A team with
 * leads from a route without an expectation gets none at all (half an expectation would mislead).
 */
export function expectedCounts(flow: Flow, outcomes: readonly Outcome[]): Map<string, number | null> {
  const routes = new Map(flow.nodes.flatMap((n) => (n.type === "route" ? [[n.id, n] as const] : [])));
  const placed = new Map<string, number>();
  for (const o of outcomes) {
    if (o.status !== "assigned" || o.owner === undefined) continue;
    const route = placingRoute(o, routes);
    if (route) placed.set(route.id, (placed.get(route.id) ?? 0) + 1);
  }
  const teams = new Map(flow.teams.map((t) => [t.id, t]));
  const expected = new Map<string, number | null>();
  const undefinedTeams = new Set<string>();
  for (const [routeId, leads] of placed) {
    const route = routes.get(routeId) as NodeOf<"route">;
    const team = teams.get(route.config.team);
    if (!team) continue;
    const share = routeExpectation(route, team, leads);
    if (!share) undefinedTeams.add(team.id);
    for (const m of team.members) {
      const key = `${team.id}\u0000${m.id}`;
      expected.set(key, (expected.get(key) ?? 0) + leads * (share?.get(m.id) ?? 0));
    }
  }
  for (const teamId of undefinedTeams) for (const m of teams.get(teamId)?.members ?? []) expected.set(`${teamId}\u0000${m.id}`, null);
  return expected;
}
