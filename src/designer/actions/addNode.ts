// Adds a node: where it was dropped, or after the selected node, wired from that node's first free output when the engine accepts it.
import { portOf } from "../../engine";
import { checkConnection, nodeRegistry, type Edge, type Flow, type FlowNode, type NodeType } from "../../engine";
import { freshEdgeId, freshNodeId, newNode, uniqueLabel, type XY } from "../document";
import type { DesignerStore } from "../store/store";

/** Horizontal distance between a node and the one added after it, and the vertical step used to avoid overlaps. */
export const STEP_X = 280;
export const STEP_Y = 130;

function occupied(flow: Flow, at: XY): boolean {
  return flow.nodes.some((n) => n.position && Math.abs(n.position.x - at.x) < STEP_X / 2 && Math.abs(n.position.y - at.y) < STEP_Y * 0.75);
}

/** The first spot right of `from` (then below it) that no node covers. */
export function spotAfter(flow: Flow, from: XY): XY {
  let at = { x: from.x + STEP_X, y: from.y };
  for (let i = 0; i < 50 && occupied(flow, at); i++) at = { x: at.x, y: at.y + STEP_Y };
  return at;
}

/** The first output port of `source` with no edge whose connection to `target` the engine accepts. */
export function firstFreePort(flow: Flow, source: FlowNode, targetId: string): string | null {
  for (const port of nodeRegistry[source.type].ports.out) {
    if (flow.edges.some((e) => e.source === source.id && portOf(e) === port)) continue;
    if (checkConnection(flow, { source: source.id, sourcePort: port, target: targetId }).length === 0) return port;
  }
  return null;
}

function insert(store: DesignerStore, node: FlowNode, edge: Edge | null): string {
  store.getState().change((d) => {
    d.nodes.push(node);
    if (edge) d.edges.push(edge);
  }, { history: "record" });
  store.getState().select({ nodes: [node.id], edges: [] });
  return node.id;
}

/** Adds a node at a canvas position (a drop from the palette); it becomes the selection. `name` is the type's name in the UI language. */
export function addNodeAt(store: DesignerStore, type: NodeType, position: XY, name?: string): string {
  const flow = store.getState().flow;
  return insert(store, newNode(type, freshNodeId(flow), position, name && uniqueLabel(flow, name)), null);
}

/** Adds a node after the single selected node (wired when valid), else at `fallback` (e.g. the middle of the view). */
export function addNodeAfterSelection(store: DesignerStore, type: NodeType, fallback: XY, name?: string): string {
  const { flow, selection } = store.getState();
  const source = selection.nodes.length === 1 ? flow.nodes.find((n) => n.id === selection.nodes[0]) : undefined;
  const id = freshNodeId(flow);
  const label = name && uniqueLabel(flow, name);
  if (!source) return insert(store, newNode(type, id, occupied(flow, fallback) ? spotAfter(flow, { x: fallback.x - STEP_X, y: fallback.y }) : fallback, label), null);
  const node = newNode(type, id, spotAfter(flow, source.position ?? { x: 0, y: 0 }), label);
  const withNode: Flow = { ...flow, nodes: [...flow.nodes, node] };
  const port = firstFreePort(withNode, source, id);
  const edge: Edge | null = port === null ? null : { id: freshEdgeId(flow), source: source.id, sourcePort: port, target: id };
  return insert(store, node, edge);
}
