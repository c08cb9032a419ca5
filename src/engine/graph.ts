// The flow's graph: edges by port, cycles, reachability and which nodes always see an owner.
import type { Edge, Flow, FlowNode } from "./document/schema";
import type { NodeRegistry } from "./node-spec";
import { isEntry, ownerAfter } from "./specs";

import { portOf } from "./ports";

export { inPortOf, portOf } from "./ports";

export interface Graph {
  readonly byId: ReadonlyMap<string, FlowNode>;
  /** Edges that start at a node, whatever their port. */
  readonly out: ReadonlyMap<string, Edge[]>;
  /** The single target per (node, port) that the run follows; well-formed edges only. */
  readonly next: (nodeId: string, port: string) => FlowNode | undefined;
  /** Entry nodes (no input port), in document order: where leads enter. */
  readonly triggers: readonly FlowNode[];
}

export function buildGraph(flow: Flow, registry: NodeRegistry): Graph {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const out = new Map<string, Edge[]>();
  const target = new Map<string, FlowNode>();
  for (const edge of flow.edges) {
    const list = out.get(edge.source) ?? [];
    list.push(edge);
    out.set(edge.source, list);
    const from = byId.get(edge.source);
    const to = byId.get(edge.target);
    if (!from || !to || isEntry(to, registry)) continue;
    if (!registry[from.type].ports.out.includes(portOf(edge))) continue;
    const key = `${edge.source}\u0000${portOf(edge)}`;
    if (!target.has(key)) target.set(key, to);
  }
  return {
    byId,
    out,
    next: (nodeId, port) => target.get(`${nodeId}\u0000${port}`),
    triggers: flow.nodes.filter((n) => isEntry(n, registry)),
  };
}

/** Every cycle as a list of node ids (Tarjan's strongly connected components, plus self-loops). */
export function findCycles(flow: Flow): string[][] {
  const adjacency = new Map<string, string[]>();
  for (const n of flow.nodes) adjacency.set(n.id, []);
  for (const e of flow.edges) if (adjacency.has(e.source) && adjacency.has(e.target)) adjacency.get(e.source)?.push(e.target);
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  // Iterative so a 10,000-node chain cannot overflow the call stack.
  for (const root of adjacency.keys()) {
    if (indices.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    indices.set(root, index);
    low.set(root, index);
    index++;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; next: number };
      const succ = adjacency.get(frame.node) ?? [];
      if (frame.next < succ.length) {
        const w = succ[frame.next++] as string;
        if (!indices.has(w)) {
          indices.set(w, index);
          low.set(w, index);
          index++;
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, next: 0 });
        } else if (onStack.has(w)) low.set(frame.node, Math.min(low.get(frame.node) as number, indices.get(w) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === indices.get(frame.node)) {
        const component: string[] = [];
        let w: string | undefined;
        do {
          w = stack.pop();
          if (w !== undefined) {
            onStack.delete(w);
            component.push(w);
          }
        } while (w !== undefined && w !== frame.node);
        const selfLoop = component.length === 1 && (adjacency.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) cycles.push(component.reverse());
      }
    }
  }
  return cycles;
}

/** Nodes some trigger leads to, following well-formed edges. */
export function reachable(graph: Graph, registry: NodeRegistry): Set<string> {
  const seen = new Set<string>();
  const queue = graph.triggers.map((t) => t.id);
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = graph.byId.get(id);
    if (!node) continue;
    for (const port of registry[node.type].ports.out) {
      const next = graph.next(id, port);
      if (next) queue.push(next.id);
    }
  }
  return seen;
}

/**
 * For an acyclic flow: whether every path from a trigger into a node carries an owner.
 * Each node type says what its ports do to the owner (a route's `assigned` gives one, an owner cap's `overflow` takes it).
 */
export function ownerAssured(flow: Flow, graph: Graph, registry: NodeRegistry, live: ReadonlySet<string>): Map<string, boolean> {
  const incoming = new Map<string, boolean[]>();
  const order = topologicalOrder(flow, graph, registry);
  const result = new Map<string, boolean>();
  for (const id of order) {
    const node = graph.byId.get(id) as FlowNode;
    const inputs = incoming.get(id) ?? [];
    const has = isEntry(node, registry) ? false : inputs.length > 0 && inputs.every(Boolean);
    result.set(id, has);
    for (const port of registry[node.type].ports.out) {
      const next = graph.next(id, port);
      if (!next || !live.has(id)) continue;
      const carries = ownerAfter(node, port, has, registry);
      const list = incoming.get(next.id) ?? [];
      list.push(carries);
      incoming.set(next.id, list);
    }
  }
  return result;
}

function topologicalOrder(flow: Flow, graph: Graph, registry: NodeRegistry): string[] {
  const indegree = new Map(flow.nodes.map((n) => [n.id, 0]));
  const succ = (n: FlowNode) => registry[n.type].ports.out.map((p) => graph.next(n.id, p)).filter((x): x is FlowNode => !!x);
  for (const n of flow.nodes) for (const s of succ(n)) indegree.set(s.id, (indegree.get(s.id) ?? 0) + 1);
  const queue = flow.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    order.push(id);
    for (const s of succ(graph.byId.get(id) as FlowNode)) {
      const d = (indegree.get(s.id) ?? 0) - 1;
      indegree.set(s.id, d);
      if (d === 0) queue.push(s.id);
    }
  }
  return order;
}
