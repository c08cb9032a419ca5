// What sample leads need for a route to show its behaviour: the territory values its reps cover, the owners it names.
import type { NodeOf, Team } from "../../src/engine/document/schema";
import type { SampleHint } from "../../src/engine/node-spec";

export function routeSampleHints(node: NodeOf<"route">, teams: ReadonlyMap<string, Team>): SampleHint[] {
  const team = teams.get(node.config.team);
  if (!team) return [];
  const hints: SampleHint[] = [];
  const match = node.config.match;
  if (match) {
    const mentioned: (string | number)[] = [];
    for (const m of team.members) {
      const raw = m.attributes?.[match.memberAttribute];
      for (const v of Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
        if (typeof v === "string" || typeof v === "number") mentioned.push(v);
    }
    hints.push({ field: match.leadField, mentioned });
  }
  if (node.config.strategy === "lead_owner" && node.config.ownerField) {
    hints.push({ field: node.config.ownerField, owners: team.members.map((m) => m.email ?? m.id) });
  }
  return hints;
}
