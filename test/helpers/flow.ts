// Builds small flow documents for tests: a chain of nodes wired by their first (or named) ports.
import type { Edge, FieldDef, Flow, FlowNode, Team } from "../../src/engine";

type NodeInput = {
  [K in FlowNode["type"]]: { id: string; type: K; config: Extract<FlowNode, { type: K }>["config"]; label?: string };
}[FlowNode["type"]];

export interface FlowInput {
  nodes: NodeInput[];
  /** `["n1", "n2"]` wires n1's `out` to n2; `["n2:pass", "n3"]` names the port. */
  wires?: [string, string][];
  edges?: Edge[];
  teams?: Team[];
  fields?: FieldDef[];
  settings?: Flow["settings"];
  name?: string;
}

export function makeFlow(input: FlowInput): Flow {
  const wired: Edge[] = (input.wires ?? []).map(([from, to], i) => {
    const [source = "", sourcePort = "out"] = from.split(":");
    return { id: `e${i + 1}`, source, sourcePort, target: to };
  });
  return {
    format: "leadwire.flow",
    version: 2,
    id: "f_test",
    name: input.name ?? "Test flow",
    description: "",
    settings: input.settings ?? { timezone: "UTC", seed: 1 },
    fields: input.fields ?? [],
    teams: input.teams ?? [],
    nodes: input.nodes.map((n, i) => ({ ...n, position: { x: i * 200, y: 0 } })) as FlowNode[],
    edges: [...wired, ...(input.edges ?? [])],
  };
}

export const trigger = (id = "t", config: { sources?: string[] } = {}) => ({ id, type: "trigger" as const, config });

export function team(id: string, members: Partial<Team["members"][number]>[]): Team {
  return { id, name: id.toUpperCase(), members: members.map((m, i) => ({ id: m.id ?? `m${i}`, name: m.name ?? m.id ?? `m${i}`, ...m })) };
}

/** Leads one minute apart from a start time, with given extra fields. */
export function leads(
  count: number,
  extra: (i: number) => Record<string, unknown> = () => ({}),
  start = "2026-03-02T10:00:00Z",
): Record<string, unknown>[] {
  const t0 = Date.parse(start);
  return Array.from({ length: count }, (_, i) => ({ id: `L${i + 1}`, createdAt: new Date(t0 + i * 60_000).toISOString(), ...extra(i) }));
}
