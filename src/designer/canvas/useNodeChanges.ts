// Applies React Flow's node and edge changes to the document: a drag's many frames become one undo step, sizes and selection stay out of history.
import type { NodeChange, OnEdgesChange, OnNodeDrag, OnNodesChange, OnSelectionDrag } from "@xyflow/react";
import { useCallback, useMemo, useRef } from "react";
import { useDesignerStore } from "../store/context";
import type { Size } from "../store/store";
import type { CardNode, FlowEdge } from "./derive";

function nextSelection(current: readonly string[], changes: readonly { id: string; selected: boolean }[]): string[] {
  const ids = new Set(current);
  for (const c of changes) {
    if (c.selected) ids.add(c.id);
    else ids.delete(c.id);
  }
  return [...ids];
}

export function useNodeChanges() {
  const store = useDesignerStore();
  const drag = useRef<{ mark: string | undefined; count: number }>({ mark: undefined, count: 0 });

  const onNodesChange: OnNodesChange<CardNode> = useCallback(
    (changes: NodeChange<CardNode>[]) => {
      const moves = new Map<string, { x: number; y: number }>();
      const sizes: [string, Size][] = [];
      const selects: { id: string; selected: boolean }[] = [];
      for (const c of changes) {
        if (c.type === "position" && c.position) moves.set(c.id, c.position);
        else if (c.type === "dimensions" && c.dimensions) sizes.push([c.id, { width: c.dimensions.width, height: c.dimensions.height }]);
        else if (c.type === "select") selects.push({ id: c.id, selected: c.selected });
      }
      const state = store.getState();
      if (sizes.length > 0) state.setMeasured(sizes);
      if (selects.length > 0) state.select({ nodes: nextSelection(state.selection.nodes, selects) });
      if (moves.size > 0) {
        // Outside a drag (arrow keys), consecutive nudges of the same nodes are one step.
        const mark = drag.current.mark ?? `nudge:${[...moves.keys()].join(",")}`;
        state.change(
          (d) => {
            for (const node of d.nodes) {
              const to = moves.get(node.id);
              if (to) node.position = { x: Math.round(to.x), y: Math.round(to.y) };
            }
          },
          { history: "record", mark },
        );
      }
    },
    [store],
  );

  const onEdgesChange: OnEdgesChange<FlowEdge> = useCallback(
    (changes) => {
      const selects = changes.flatMap((c) => (c.type === "select" ? [{ id: c.id, selected: c.selected }] : []));
      if (selects.length === 0) return;
      const state = store.getState();
      state.select({ edges: nextSelection(state.selection.edges, selects) });
    },
    [store],
  );

  const startDrag = useCallback(() => {
    drag.current = { mark: `drag:${drag.current.count + 1}`, count: drag.current.count + 1 };
  }, []);
  const stopDrag = useCallback(() => {
    drag.current = { mark: undefined, count: drag.current.count };
    store.getState().sealHistory();
  }, [store]);

  return useMemo(
    () => ({
      onNodesChange,
      onEdgesChange,
      onNodeDragStart: startDrag satisfies OnNodeDrag<CardNode>,
      onNodeDragStop: stopDrag satisfies OnNodeDrag<CardNode>,
      onSelectionDragStart: startDrag satisfies OnSelectionDrag<CardNode>,
      onSelectionDragStop: stopDrag satisfies OnSelectionDrag<CardNode>,
    }),
    [onNodesChange, onEdgesChange, startDrag, stopDrag],
  );
}
