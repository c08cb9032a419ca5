// Dragging a node type from the palette onto the canvas (HTML5 drag and drop, placed where it is dropped).
import { useReactFlow } from "@xyflow/react";
import { useCallback, useMemo, type DragEvent } from "react";
import { nodeRegistry, type NodeType } from "../../engine";
import { useT } from "../../i18n/useT";
import { addNodeAt } from "../actions/addNode";
import { useDesignerStore } from "../store/context";

export const NODE_MIME = "application/x-leadwire-node";

/** Roughly half a card, so the card lands centred under the pointer. */
const HALF_CARD = { x: 110, y: 40 };

function isNodeType(value: string): value is NodeType {
  return Object.prototype.hasOwnProperty.call(nodeRegistry, value);
}

export function startPaletteDrag(event: DragEvent, type: NodeType): void {
  event.dataTransfer.setData(NODE_MIME, type);
  event.dataTransfer.setData("text/plain", type);
  event.dataTransfer.effectAllowed = "copy";
}

export function useCanvasDrop() {
  const store = useDesignerStore();
  const { screenToFlowPosition } = useReactFlow();
  const { te } = useT();

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(NODE_MIME);
      if (!isNodeType(type)) return;
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addNodeAt(store, type, { x: at.x - HALF_CARD.x, y: at.y - HALF_CARD.y }, te(`node.${type}.name`));
    },
    [store, screenToFlowPosition, te],
  );

  return useMemo(() => ({ onDragOver, onDrop }), [onDragOver, onDrop]);
}
