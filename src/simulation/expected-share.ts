// Expected shares of a team's leads per member, from the routes that placed them: by weight, performance, equal or load.
import { assignsFrom, specOf, type Flow, type FlowNode, type Outcome } from "../engine";

/** The node that placed an assigned lead: the last node on its path that assigns from the lead's final team. */
export function placingNode(outcome: Outcome, placers: ReadonlyMap<string, FlowNode>): FlowNode | null {
  for (let i = outcome.path.length - 1; i >= 0; i--) {
    const node = placers.get(outcome.path[i] as string);
    if (node && assignsFrom(node) === outcome.team) return node;
  }
  return null;
}

/**
 * Expected lead counts per `team\u0000member`, summing each placing node's expectation over the leads it placed. A team
 * with leads from a node without an expectation gets none at all (half an expectation would mislead).
 */
export function expectedCounts(flow: Flow, outcomes: readonly Outcome[]): Map<string, number | null> {
  const placers = new Map(flow.nodes.flatMap((n) => (assignsFrom(n) !== undefined ? [[n.id, n] as const] : [])));
  const placed = new Map<string, number>();
  for (const o of outcomes) {
    if (o.status !== "assigned" || o.owner === undefined) continue;
    const node = placingNode(o, placers);
    if (node) placed.set(node.id, (placed.get(node.id) ?? 0) + 1);
  }
  const teams = new Map(flow.teams.map((t) => [t.id, t]));
  const expected = new Map<string, number | null>();
  const undefinedTeams = new Set<string>();
  for (const [nodeId, leads] of placed) {
    const node = placers.get(nodeId) as FlowNode;
    const team = teams.get(assignsFrom(node) ?? "");
    if (!team) continue;
    const share = specOf(node).expectedShare?.(node, team, leads) ?? null;
    if (!share) undefinedTeams.add(team.id);
    for (const m of team.members) {
      const key = `${team.id}\u0000${m.id}`;
      expected.set(key, (expected.get(key) ?? 0) + leads * (share?.get(m.id) ?? 0));
    }
  }
  for (const teamId of undefinedTeams) for (const m of teams.get(teamId)?.members ?? []) expected.set(`${teamId}\u0000${m.id}`, null);
  return expected;
}
