// Adding from the palette or a port's "+" menu: the node lands beside the one it follows (or mid-view) and the view follows it.
import { useReactFlow, type ReactFlowInstance } from "@xyflow/react";
import { useCallback } from "react";
import type { NodeType } from "../../engine";
import { useT } from "../../i18n/useT";
import { addNodeAfterPort, addNodeAfterSelection } from "../actions/addNode";
import { useDesignerStore } from "../store/context";
import type { DesignerStore } from "../store/store";
import type { CardNode, FlowEdge } from "./derive";

/** A card's size before it is measured (its CSS width; a typical height). */
const CARD = { width: 184, height: 110 };

function canvasRect(): DOMRect | undefined {
  return document.getElementById("lw-canvas")?.getBoundingClientRect();
}

/** Runs once React Flow has drawn and measured the new card (two frames on). */
function afterDraw(run: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(run));
}

/** Pans as little as it takes (keeping the zoom) to bring the node into view with a margin, so the node it follows mostly stays. */
function follow(flow: ReactFlowInstance<CardNode, FlowEdge>, store: DesignerStore, id: string): void {
  const rect = canvasRect();
  const node = store.getState().flow.nodes.find((n) => n.id === id);
  if (!rect || !node?.position) return;
  // The card as drawn when it is (its real height), else its expected size at its place.
  const drawn = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.getBoundingClientRect();
  const size = store.getState().measured.get(id) ?? CARD;
  const topLeft = drawn ? { x: drawn.left, y: drawn.top } : flow.flowToScreenPosition(node.position);
  const bottomRight = drawn
    ? { x: drawn.right, y: drawn.bottom }
    : flow.flowToScreenPosition({ x: node.position.x + size.width, y: node.position.y + size.height });
  // Room for the "+" buttons right of the card, too.
  const margin = 48;
  const shift = (low: number, high: number, min: number, max: number) =>
    high > max - margin ? max - margin - high : low < min + margin ? min + margin - low : 0;
  const dx = shift(topLeft.x, bottomRight.x, rect.left, rect.right);
  const dy = shift(topLeft.y, bottomRight.y, rect.top, rect.bottom);
  if (dx === 0 && dy === 0) return;
  const view = flow.getViewport();
  void flow.setViewport({ ...view, x: view.x + dx, y: view.y + dy }, { duration: 250 });
}

/** Click in the palette: after the selected node (wired from its primary port), else in the middle of the view. */
export function useAddFromPalette(): (type: NodeType) => void {
  const store = useDesignerStore();
  const flow = useReactFlow<CardNode, FlowEdge>();
  const { te } = useT();
  return useCallback(
    (type: NodeType) => {
      const rect = canvasRect();
      // The new node is selected, so the inspector opens and takes the canvas' right side: centre in what will remain.
      const inspector = document.querySelector(".lw-inspector")
        ? 0
        : parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--lw-inspector-width")) || 0;
      const width = rect ? Math.max(rect.width / 2, rect.width - inspector) : 0;
      const centre = rect ? flow.screenToFlowPosition({ x: rect.left + width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 };
      const id = addNodeAfterSelection(
        store,
        type,
        { x: centre.x - CARD.width / 2, y: centre.y - CARD.height / 2 },
        te(`node.${type}.name`),
      );
      afterDraw(() => follow(flow, store, id));
    },
    [store, flow, te],
  );
}

/** The "+" on a free output port: adds the chosen type wired from that port, then follows it. */
export function useAddAfterPort(): (sourceId: string, port: string, type: NodeType) => void {
  const store = useDesignerStore();
  const flow = useReactFlow<CardNode, FlowEdge>();
  const { te } = useT();
  return useCallback(
    (sourceId: string, port: string, type: NodeType) => {
      const id = addNodeAfterPort(store, sourceId, port, type, te(`node.${type}.name`));
      if (id) afterDraw(() => follow(flow, store, id));
    },
    [store, flow, te],
  );
}
