// Validation before every run (spec §6): graph problems, settings, and each node type's own checks, as a typed list.
import { nodeRegistry } from "../../nodes";
import type { LoadProblem } from "./document/load";
import type { FieldDef, Flow, FlowNode, NodeType } from "./document/schema";
import { translate, type Lang, type MessageParams } from "./i18n";
import type { IssueDraft, NodeSpec, ValidateContext } from "./node-spec";
import { nodeName } from "./node-name";
import { buildGraph, findCycles, inPortOf, ownerAssured, portOf, reachable } from "./graph";
import { isEntry } from "./specs";
import { DEFAULT_LEAD_BUDGET_MS } from "./conditions/budget";
import { isValidTimeZone } from "./time";

export interface Issue {
  readonly severity: "error" | "warning";
  /** The text's code (engine issues; other tables, like the library's, reuse this shape). */
  readonly code: string;
  readonly message: string;
  readonly params: MessageParams;
  readonly nodeId?: string;
  readonly edgeId?: string;
  readonly path?: string;
}

/** Fields every lead has or the engine writes, known to conditions even when the flow does not declare them. */
const BUILT_IN_FIELDS: FieldDef[] = [
  { key: "id", label: "ID", type: "string" },
  { key: "createdAt", label: "Created at", type: "date" },
  { key: "source", label: "Source", type: "string" },
];

export function knownFields(flow: Flow): Map<string, FieldDef> {
  const fields = new Map<string, FieldDef>();
  for (const f of BUILT_IN_FIELDS) fields.set(f.key, f);
  for (const node of flow.nodes) {
    const spec = nodeRegistry[node.type] as NodeSpec<NodeType>;
    for (const w of spec.writes?.(node) ?? []) fields.set(w.key, { key: w.key, type: w.type });
  }
  for (const f of flow.fields) fields.set(f.key, f);
  return fields;
}

/** More `matches` rules than this can exceed a lead's time budget on long values (each test is up to ~0.1 s there). */
const MANY_PATTERNS = 10;

/** `matches` conditions anywhere in the nodes' configs (iterative: configs are schema-checked but of any shape). */
function countPatterns(nodes: readonly FlowNode[]): number {
  let count = 0;
  const stack: unknown[] = nodes.map((n) => n.config);
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === "object") {
      if ((v as { operator?: unknown }).operator === "matches") count++;
      else stack.push(...Object.values(v));
    }
  }
  return count;
}

/** A loop's message names this many nodes, then counts the rest. */
const CYCLE_NAMES = 12;

function graphIssues(flow: Flow): IssueDraft[] {
  const issues: IssueDraft[] = [];
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const indexOf = new Map(flow.nodes.map((n, i) => [n.id, i]));
  if (!flow.nodes.some((n) => isEntry(n))) issues.push({ severity: "error", code: "flow.no_trigger" });
  const perPort = new Map<string, string[]>();
  flow.edges.forEach((edge, i) => {
    const path = `$.edges[${i}]`;
    const from = byId.get(edge.source);
    const to = byId.get(edge.target);
    if (!from)
      issues.push({
        severity: "error",
        code: "flow.edge_missing_source",
        params: { node: edge.source },
        edgeId: edge.id,
        path: `${path}.source`,
      });
    if (!to)
      issues.push({
        severity: "error",
        code: "flow.edge_missing_target",
        params: { node: edge.target },
        edgeId: edge.id,
        path: `${path}.target`,
      });
    if (from) {
      const ports = nodeRegistry[from.type].ports.out;
      if (!ports.includes(portOf(edge))) {
        issues.push({
          severity: "error",
          code: "flow.edge_bad_source_port",
          params: { node: nodeName(from), port: portOf(edge), ports: ports.join(", ") },
          nodeId: from.id,
          edgeId: edge.id,
          path: `${path}.sourcePort`,
        });
      }
      const key = `${from.id}\u0000${portOf(edge)}`;
      perPort.set(key, [...(perPort.get(key) ?? []), edge.id]);
    }
    if (to) {
      if (isEntry(to))
        issues.push({
          severity: "error",
          code: "flow.edge_into_trigger",
          params: { node: nodeName(to) },
          nodeId: to.id,
          edgeId: edge.id,
          path: `${path}.target`,
        });
      else if (!nodeRegistry[to.type].ports.in.includes(inPortOf(edge))) {
        issues.push({
          severity: "error",
          code: "flow.edge_bad_target_port",
          params: { node: nodeName(to), port: inPortOf(edge) },
          nodeId: to.id,
          edgeId: edge.id,
          path: `${path}.targetPort`,
        });
      }
    }
  });
  for (const [key, edges] of perPort) {
    if (edges.length < 2) continue;
    const [nodeId = "", port = ""] = key.split("\u0000");
    const node = byId.get(nodeId) as FlowNode;
    issues.push({
      severity: "error",
      code: "flow.port_two_edges",
      params: { node: nodeName(node), port, count: edges.length },
      nodeId,
      path: `$.nodes[${flow.nodes.indexOf(node)}]`,
    });
  }
  // One issue per loop, on its first node, naming at most CYCLE_NAMES nodes: output stays linear in the flow's size.
  for (const cycle of findCycles(flow)) {
    const first = cycle[0] as string;
    const names = cycle.slice(0, CYCLE_NAMES).map((id) => nodeName(byId.get(id) as FlowNode));
    const more = cycle.length - names.length;
    const nodes = more > 0 ? names.join(" → ") : [...names, names[0]].join(" → ");
    issues.push({
      severity: "error",
      code: more > 0 ? "flow.cycle_long" : "flow.cycle",
      params: { nodes, more, count: cycle.length },
      nodeId: first,
      path: `$.nodes[${indexOf.get(first)}]`,
    });
  }
  const patterns = countPatterns(flow.nodes);
  if (patterns > MANY_PATTERNS)
    issues.push({ severity: "warning", code: "cond.many_patterns", params: { count: patterns, ms: DEFAULT_LEAD_BUDGET_MS } });
  const tz = flow.settings?.timezone;
  if (tz !== undefined && !isValidTimeZone(tz))
    issues.push({ severity: "error", code: "flow.bad_timezone", params: { timezone: tz }, path: "$.settings.timezone" });
  return issues;
}

function nodeIssues(flow: Flow, acyclic: boolean): IssueDraft[] {
  const graph = buildGraph(flow, nodeRegistry);
  const live = reachable(graph, nodeRegistry);
  const assured = acyclic ? ownerAssured(flow, graph, nodeRegistry, live) : new Map<string, boolean>();
  const fields = knownFields(flow);
  const teams = new Map(flow.teams.map((t) => [t.id, t]));
  const issues: IssueDraft[] = [];
  flow.nodes.forEach((node, i) => {
    const path = `$.nodes[${i}]`;
    if (!isEntry(node) && !live.has(node.id))
      issues.push({ severity: "warning", code: "flow.unreachable", params: { node: nodeName(node) }, nodeId: node.id, path });
    const ctx: ValidateContext = {
      flow,
      fields,
      teams,
      path,
      // In a loop no answer is meaningful; the cycle error already blocks the run.
      ownerAssured: acyclic ? assured.get(node.id) === true || !live.has(node.id) : true,
      edgesFrom: (id) => graph.out.get(id) ?? [],
    };
    const spec = nodeRegistry[node.type] as NodeSpec<NodeType>;
    for (const issue of spec.validate?.(node, ctx) ?? []) issues.push({ ...issue, nodeId: node.id });
  });
  return issues;
}

export function renderIssue(draft: IssueDraft, lang: Lang): Issue {
  const params = draft.params ?? {};
  return { ...draft, params, message: translate(draft.code, params, lang) };
}

/** All problems of a flow, errors first; errors block a run, warnings do not. */
export function validateFlow(flow: Flow, options: { lang?: Lang } = {}): Issue[] {
  const lang = options.lang ?? "en";
  const graph = graphIssues(flow);
  const acyclic = !graph.some((i) => i.code === "flow.cycle" || i.code === "flow.cycle_long");
  const all = [...graph, ...nodeIssues(flow, acyclic)].map((d) => renderIssue(d, lang));
  return [...all.filter((i) => i.severity === "error"), ...all.filter((i) => i.severity === "warning")];
}

/** Problems found while loading a document, as blocking issues (the shape every issue list shows). */
export function loadProblemIssues(problems: readonly LoadProblem[]): Issue[] {
  return problems.map((p) => ({ severity: "error", code: p.code, message: p.message, params: p.params, path: p.path }));
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}
