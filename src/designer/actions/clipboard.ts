// Copy, paste and duplicate: the selected nodes with the edges between them, pasted under new ids, offset, and selected.
import type { Edge, Flow, FlowNode } from "../../engine";
import { freshIds, uniqueLabel } from "../document";
import type { DesignerStore } from "../store/store";

export interface Clip {
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly Edge[];
}

const OFFSET = 40;
let clipboard: { clip: Clip; pastes: number } | null = null;

/** The selected nodes and the edges whose both ends are selected. */
export function clipOf(flow: Flow, nodeIds: readonly string[]): Clip | null {
  const ids = new Set(nodeIds);
  const nodes = flow.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  return { nodes, edges: flow.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

/** The clip under fresh node and edge ids and labels ("Route" → "Route 2"), moved by `offset`, ready to insert into `flow`. */
export function rebase(flow: Flow, clip: Clip, offset: number): Clip {
  const nodeIds = freshIds(
    "n",
    flow.nodes.map((n) => n.id),
    clip.nodes.length,
  );
  const edgeIds = freshIds(
    "e",
    flow.edges.map((e) => e.id),
    clip.edges.length,
  );
  const idMap = new Map(clip.nodes.map((n, i) => [n.id, nodeIds[i] ?? `${n.id}_copy`]));
  let labelled = flow;
  const nodes = clip.nodes.map((n) => {
    const copy: FlowNode = {
      ...structuredClone(n),
      id: idMap.get(n.id) ?? n.id,
      position: { x: (n.position?.x ?? 0) + offset, y: (n.position?.y ?? 0) + offset },
    };
    if (n.label?.trim()) {
      copy.label = uniqueLabel(labelled, n.label.trim());
      labelled = { ...labelled, nodes: [...labelled.nodes, copy] };
    }
    return copy;
  });
  const edges = clip.edges.map((e, i) => ({
    ...structuredClone(e),
    id: edgeIds[i] ?? `${e.id}_copy`,
    source: idMap.get(e.source) ?? e.source,
    target: idMap.get(e.target) ?? e.target,
  }));
  return { nodes, edges };
}

function insertClip(store: DesignerStore, clip: Clip, offset: number): void {
  const pasted = rebase(store.getState().flow, clip, offset);
  store.getState().change(
    (d) => {
      d.nodes.push(...pasted.nodes);
      d.edges.push(...pasted.edges);
    },
    { history: "record" },
  );
  store.getState().select({ nodes: pasted.nodes.map((n) => n.id), edges: [] });
}

export function copySelection(store: DesignerStore): boolean {
  const { flow, selection } = store.getState();
  const clip = clipOf(flow, selection.nodes);
  if (!clip) return false;
  clipboard = { clip: structuredClone(clip), pastes: 0 };
  return true;
}

export function paste(store: DesignerStore): boolean {
  if (!clipboard) return false;
  clipboard.pastes += 1;
  insertClip(store, clipboard.clip, OFFSET * clipboard.pastes);
  return true;
}

export function duplicateSelection(store: DesignerStore): boolean {
  const { flow, selection } = store.getState();
  const clip = clipOf(flow, selection.nodes);
  if (!clip) return false;
  insertClip(store, clip, OFFSET);
  return true;
}

export function hasClip(): boolean {
  return clipboard !== null;
}
