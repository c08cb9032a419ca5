// Auto-layout left to right with elkjs (loaded only when first used); the new positions are one undo step.
import { inPortOf, portOf } from "../../engine";
import type { ElkNode } from "elkjs/lib/elk-api";
import { nodeRegistry, type Flow } from "../../engine";
import type { XY } from "../document";
import type { DesignerStore, Size } from "../store/store";

const DEFAULT_SIZE: Size = { width: 184, height: 110 };

const portId = (nodeId: string, port: string) => `${nodeId}\u0000${port}`;

/** The ELK graph of a flow: ports in a fixed order (inputs west, outputs east top to bottom) so `pass` stays above `fail`. */
export function elkGraph(flow: Flow, sizes: ReadonlyMap<string, Size>): ElkNode {
  const ids = new Set(flow.nodes.map((n) => n.id));
  return {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      // Tight enough that a 7-layer flow fits 1440 px at a readable zoom, wide enough for an edge's port label.
      "elk.layered.spacing.nodeNodeBetweenLayers": "64",
      "elk.spacing.nodeNode": "36",
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
    },
    children: flow.nodes.map((node) => {
      const size = sizes.get(node.id) ?? DEFAULT_SIZE;
      const { in: ins, out } = nodeRegistry[node.type].ports;
      return {
        id: node.id,
        width: size.width,
        height: size.height,
        layoutOptions: { "elk.portConstraints": "FIXED_ORDER" },
        ports: [
          ...ins.map((p, i) => ({ id: portId(node.id, p), layoutOptions: { "elk.port.side": "WEST", "elk.port.index": String(i) } })),
          ...out.map((p, i) => ({ id: portId(node.id, p), layoutOptions: { "elk.port.side": "EAST", "elk.port.index": String(i) } })),
        ],
      };
    }),
    edges: flow.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ id: e.id, sources: [portId(e.source, portOf(e))], targets: [portId(e.target, inPortOf(e))] })),
  };
}

/** New top-left positions for every node, computed by ELK's layered algorithm. */
export async function computeLayout(flow: Flow, sizes: ReadonlyMap<string, Size>): Promise<Map<string, XY>> {
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  const elk = new ELK();
  const laid = await elk.layout(elkGraph(flow, sizes));
  const out = new Map<string, XY>();
  for (const child of laid.children ?? []) out.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  return out;
}

/** Lays the flow out and applies the positions as one undoable change; returns whether anything moved. */
export async function autoLayout(store: DesignerStore): Promise<boolean> {
  const { flow, measured } = store.getState();
  if (flow.nodes.length === 0) return false;
  const positions = await computeLayout(flow, measured);
  const before = store.getState().flow;
  store.getState().change(
    (d) => {
      for (const node of d.nodes) {
        const at = positions.get(node.id);
        if (at && (node.position?.x !== at.x || node.position?.y !== at.y)) node.position = { x: at.x, y: at.y };
      }
    },
    { history: "record" },
  );
  return store.getState().flow !== before;
}
