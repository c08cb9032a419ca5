// Deletes the selected nodes (with every edge touching them) and the selected edges, as one undoable step without confirmation.
import type { DesignerStore } from "../store/store";

export function deleteSelection(store: DesignerStore): boolean {
  const { selection } = store.getState();
  if (selection.nodes.length === 0 && selection.edges.length === 0) return false;
  const nodes = new Set(selection.nodes);
  const edges = new Set(selection.edges);
  store.getState().change(
    (d) => {
      d.nodes = d.nodes.filter((n) => !nodes.has(n.id));
      d.edges = d.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target));
    },
    { history: "record" },
  );
  store.getState().select({ nodes: [], edges: [] });
  return true;
}

export function selectAll(store: DesignerStore): void {
  const { flow } = store.getState();
  store.getState().select({ nodes: flow.nodes.map((n) => n.id), edges: [] });
}
