// Turns the document into React Flow's nodes and edges, reusing every object whose source did not change (a drag rebuilds one node).
import { inPortOf, portOf } from "../../engine";
import { MarkerType, type Edge as RfEdge, type Node as RfNode } from "@xyflow/react";
import type { Edge, FlowNode } from "../../engine";
import type { Size } from "../store/store";
import { TONE_COLORS, portIsLabelled, portTone, type PortTone } from "./ports";

/** What a card renders; the same object while only the node's position changes, so a drag does not re-render the card's content. */
export type CardData = {
  readonly node: FlowNode;
  readonly errors: number;
  readonly warnings: number;
};
export type CardNode = RfNode<CardData, "card">;
export type FlowEdge = RfEdge<Record<string, never>>;

export interface IssueCounts {
  readonly errors: number;
  readonly warnings: number;
}
const NO_ISSUES: IssueCounts = { errors: 0, warnings: 0 };

interface NodeEntry {
  readonly src: FlowNode;
  readonly selected: boolean;
  readonly size: Size | undefined;
  readonly lang: string;
  readonly aria: string;
  readonly rf: CardNode;
}

/** The previous array when every element is the same object (React Flow then skips its own rebuilds). */
function sameOrNew<T>(previous: T[], next: T[]): T[] {
  return previous.length === next.length && next.every((x, i) => x === previous[i]) ? previous : next;
}

/** A cache per canvas: call it with the current document slices; unchanged nodes come back as the same objects. */
export function createNodeDeriver() {
  const cache = new Map<string, NodeEntry>();
  let last: CardNode[] = [];
  return (
    nodes: readonly FlowNode[],
    selected: ReadonlySet<string>,
    measured: ReadonlyMap<string, Size>,
    counts: ReadonlyMap<string, IssueCounts>,
    ariaOf: (n: FlowNode) => string,
    lang: string,
  ): CardNode[] => {
    const seen = new Set<string>();
    const out = nodes.map((node, index) => {
      seen.add(node.id);
      const isSelected = selected.has(node.id);
      const size = measured.get(node.id);
      const { errors, warnings } = counts.get(node.id) ?? NO_ISSUES;
      const hit = cache.get(node.id);
      const sameContent =
        hit !== undefined &&
        hit.src.config === node.config &&
        hit.src.label === node.label &&
        hit.src.type === node.type &&
        hit.rf.data.errors === errors &&
        hit.rf.data.warnings === warnings;
      if (hit && sameContent && hit.src.position === node.position && hit.selected === isSelected && hit.size === size && hit.lang === lang)
        return hit.rf;
      const aria = hit !== undefined && sameContent && hit.lang === lang ? hit.aria : ariaOf(node);
      const rf: CardNode = {
        id: node.id,
        type: "card",
        position: { x: node.position?.x ?? index * 240, y: node.position?.y ?? 0 },
        data: hit && sameContent ? hit.rf.data : { node, errors, warnings },
        selected: isSelected,
        ariaLabel: aria,
        ...(size ? { measured: size } : {}),
      };
      cache.set(node.id, { src: node, selected: isSelected, size, lang, aria, rf });
      return rf;
    });
    for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
    last = sameOrNew(last, out);
    return last;
  };
}

const STYLES: Readonly<Record<PortTone, { stroke: string; strokeWidth: number }>> = {
  good: { stroke: TONE_COLORS.good, strokeWidth: 2 },
  bad: { stroke: TONE_COLORS.bad, strokeWidth: 2 },
  warn: { stroke: TONE_COLORS.warn, strokeWidth: 2 },
  plain: { stroke: TONE_COLORS.plain, strokeWidth: 2 },
};
const LABEL_STYLES: Readonly<Record<PortTone, { fill: string; fontWeight: number }>> = {
  good: { fill: TONE_COLORS.good, fontWeight: 600 },
  bad: { fill: TONE_COLORS.bad, fontWeight: 600 },
  warn: { fill: TONE_COLORS.warn, fontWeight: 600 },
  plain: { fill: TONE_COLORS.plain, fontWeight: 600 },
};

interface EdgeEntry {
  readonly src: Edge;
  readonly selected: boolean;
  readonly texts: EdgeTexts;
  readonly rf: FlowEdge;
}

/** Texts of edges; a new object when the language or a node's name changes (so edge labels are rebuilt then, and only then). */
export interface EdgeTexts {
  readonly portLabel: (port: string) => string;
  readonly aria: (edge: Edge) => string;
}

export function createEdgeDeriver() {
  const cache = new Map<string, EdgeEntry>();
  let last: FlowEdge[] = [];
  return (edges: readonly Edge[], selected: ReadonlySet<string>, texts: EdgeTexts): FlowEdge[] => {
    const seen = new Set<string>();
    const out = edges.map((edge) => {
      seen.add(edge.id);
      const isSelected = selected.has(edge.id);
      const hit = cache.get(edge.id);
      if (hit && hit.src === edge && hit.selected === isSelected && hit.texts === texts) return hit.rf;
      const port = portOf(edge);
      const tone = portTone(port);
      const rf: FlowEdge = {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        sourceHandle: port,
        targetHandle: inPortOf(edge),
        selected: isSelected,
        style: STYLES[tone],
        markerEnd: { type: MarkerType.ArrowClosed, color: TONE_COLORS[tone], width: 18, height: 18 },
        ariaLabel: texts.aria(edge),
        className: `lw-edge lw-edge-${tone}`,
        ...(portIsLabelled(port)
          ? {
              label: texts.portLabel(port),
              labelStyle: LABEL_STYLES[tone],
              labelBgPadding: [4, 2] as [number, number],
              labelBgBorderRadius: 4,
            }
          : {}),
      };
      cache.set(edge.id, { src: edge, selected: isSelected, texts, rf });
      return rf;
    });
    for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
    last = sameOrNew(last, out);
    return last;
  };
}
