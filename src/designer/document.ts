// Document helpers the designer needs: an empty flow, fresh ids, a new node of a type, and the viewport kept under the `ui` key.
import { emptyFlowDocument, nodeRegistry, type Flow, type FlowNode, type NodeType } from "../engine";

export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}
export interface XY {
  readonly x: number;
  readonly y: number;
}

export function emptyFlow(id = `f_${Date.now().toString(36)}`): Flow {
  return emptyFlowDocument(id);
}

/** `prefix` + the smallest number above every id of that shape in use (ids of deleted nodes are not reused while they exist in history). */
export function freshIds(prefix: string, used: Iterable<string>, count: number): string[] {
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  let max = 0;
  for (const id of used) {
    const n = pattern.exec(id)?.[1];
    if (n !== undefined) max = Math.max(max, Number(n));
  }
  return Array.from({ length: count }, (_, i) => `${prefix}${max + i + 1}`);
}

export function freshNodeId(flow: Flow): string {
  return (
    freshIds(
      "n",
      flow.nodes.map((n) => n.id),
      1,
    )[0] ?? "n1"
  );
}

export function freshEdgeId(flow: Flow): string {
  return (
    freshIds(
      "e",
      flow.edges.map((e) => e.id),
      1,
    )[0] ?? "e1"
  );
}

/** A node of the given type with the engine's default config (and a label, so messages name it in words rather than by id). */
export function newNode(type: NodeType, id: string, position: XY, label?: string): FlowNode {
  const config = nodeRegistry[type].defaults();
  return { id, type, ...(label ? { label } : {}), position: { x: Math.round(position.x), y: Math.round(position.y) }, config } as FlowNode;
}

/** `base`, or `base 2`, `base 3`… — the first no node of the flow is labelled with. */
export function uniqueLabel(flow: Flow, base: string): string {
  const used = new Set(flow.nodes.map((n) => n.label?.trim()));
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The viewport saved in the document (`ui.viewport`), if any and well-formed. */
export function readViewport(flow: Flow): Viewport | null {
  const ui = flow.ui;
  if (!isRecord(ui) || !isRecord(ui.viewport)) return null;
  const { x, y, zoom } = ui.viewport;
  if (typeof x !== "number" || typeof y !== "number" || typeof zoom !== "number" || !(zoom > 0)) return null;
  return { x, y, zoom };
}

/** Writes the viewport under `ui.viewport`, keeping anything else stored under `ui`. */
export function writeViewport(draft: Record<string, unknown>, viewport: Viewport): void {
  const ui = isRecord(draft.ui) ? draft.ui : {};
  draft.ui = { ...ui, viewport: { x: Math.round(viewport.x), y: Math.round(viewport.y), zoom: Math.round(viewport.zoom * 1000) / 1000 } };
}
