// Adds a node: where it was dropped, after the selected node (wired from its primary output when free and accepted), or after a
// chosen output port (the "+" on a free port).
import { portOf } from "../../engine";
import { checkConnection, nodeRegistry, type Edge, type Flow, type FlowNode, type NodeType } from "../../engine";
import { freshEdgeId, freshNodeId, newNode, uniqueLabel, type XY } from "../document";
import type { DesignerStore } from "../store/store";

/** Horizontal distance between a node and the one added after it, and the vertical step used to avoid overlaps. */
export const STEP_X = 250;
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

/**
 * The port a new node is wired from: the node's primary output (the first of its spec's `ports.out`: out, pass, assigned, ok)
 * when it is free and the engine accepts the connection. Never a second port: `fail`, `unassigned` or `overflow` are where
 * leads go when something did not work, and wiring the next step there silently would send the good leads nowhere.
 */
export function primaryFreePort(flow: Flow, source: FlowNode, targetId: string): string | null {
  const port = nodeRegistry[source.type].ports.out[0];
  if (port === undefined) return null;
  return isFreeFor(flow, source, port, targetId) ? port : null;
}

function isFreeFor(flow: Flow, source: FlowNode, port: string, targetId: string): boolean {
  if (flow.edges.some((e) => e.source === source.id && portOf(e) === port)) return false;
  return checkConnection(flow, { source: source.id, sourcePort: port, target: targetId }).length === 0;
}

function insert(store: DesignerStore, node: FlowNode, edge: Edge | null): string {
  store.getState().change(
    (d) => {
      d.nodes.push(node);
      if (edge) d.edges.push(edge);
    },
    { history: "record" },
  );
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
  if (!source)
    return insert(
      store,
      newNode(type, id, occupied(flow, fallback) ? spotAfter(flow, { x: fallback.x - STEP_X, y: fallback.y }) : fallback, label),
      null,
    );
  const node = newNode(type, id, spotAfter(flow, source.position ?? { x: 0, y: 0 }), label);
  const withNode: Flow = { ...flow, nodes: [...flow.nodes, node] };
  const port = primaryFreePort(withNode, source, id);
  const edge: Edge | null = port === null ? null : { id: freshEdgeId(flow), source: source.id, sourcePort: port, target: id };
  return insert(store, node, edge);
}

/**
 * Adds a node after one output port of `sourceId` (the "+" on a free port): placed right of the source at the port's height
 * (then below, if taken), wired from that port when the engine accepts it, and selected. Returns the new id, or null.
 */
export function addNodeAfterPort(store: DesignerStore, sourceId: string, port: string, type: NodeType, name?: string): string | null {
  const flow = store.getState().flow;
  const source = flow.nodes.find((n) => n.id === sourceId);
  if (!source) return null;
  const index = Math.max(0, nodeRegistry[source.type].ports.out.indexOf(port));
  const from = source.position ?? { x: 0, y: 0 };
  const id = freshNodeId(flow);
  const node = newNode(type, id, spotAfter(flow, { x: from.x, y: from.y + index * STEP_Y }), name && uniqueLabel(flow, name));
  const withNode: Flow = { ...flow, nodes: [...flow.nodes, node] };
  const edge: Edge | null = isFreeFor(withNode, source, port, id)
    ? { id: freshEdgeId(flow), source: source.id, sourcePort: port, target: id }
    : null;
  return insert(store, node, edge);
}
