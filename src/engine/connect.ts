// Whether a new edge may be drawn: the validation rules about edges applied to the flow with that edge added.
import type { Edge, Flow } from "./document/schema";
import type { Lang } from "./i18n";
import { validateFlow, type Issue } from "./validate";

const EDGE_RULES = new Set([
  "flow.cycle",
  "flow.cycle_long",
  "flow.port_two_edges",
  "flow.edge_into_trigger",
  "flow.edge_bad_source_port",
  "flow.edge_bad_target_port",
  "flow.edge_missing_source",
  "flow.edge_missing_target",
]);

const key = (i: Issue) => `${i.code}|${i.nodeId ?? ""}|${i.edgeId ?? ""}`;

/** The errors the edge would introduce (empty when the canvas may accept it); the same rules validation applies before a run. */
export interface EdgeCandidate {
  source: string;
  sourcePort?: string;
  target: string;
  targetPort?: string;
  id?: string;
}

export function checkConnection(flow: Flow, edge: EdgeCandidate, lang: Lang = "en"): Issue[] {
  const candidate: Edge = { ...edge, id: edge.id ?? "__candidate__" };
  const before = new Set(
    validateFlow(flow, { lang })
      .filter((i) => EDGE_RULES.has(i.code))
      .map(key),
  );
  const after = validateFlow({ ...flow, edges: [...flow.edges, candidate] }, { lang });
  const added = after.filter((i) => EDGE_RULES.has(i.code) && i.severity === "error" && !before.has(key(i)));
  // Each loop is one issue, but two loops closed by one edge are two: the user needs to hear it once.
  return added.filter((i, n) => i.code !== "flow.cycle" || added.findIndex((j) => j.code === "flow.cycle") === n);
}
