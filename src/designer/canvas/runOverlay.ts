// What the latest simulation run adds to the canvas: lead counts per node and edge, and the chosen lead's path lit up.
import { createContext, useContext, useMemo, useRef } from "react";
import { useStore } from "zustand";
import type { Edge } from "../../engine";
import { useRunStore } from "../simulation/useRuns";
import type { FlowEdge } from "./derive";

export interface RunOverlay {
  /** Leads that entered each node (null: no run to show). */
  readonly nodeCounts: Readonly<Record<string, { in: number; out?: Readonly<Record<string, number>> }>> | null;
  readonly edgeCounts: Readonly<Record<string, number>> | null;
  readonly litNodes: ReadonlySet<string>;
  readonly litEdges: ReadonlySet<string>;
}

const NONE: RunOverlay = { nodeCounts: null, edgeCounts: null, litNodes: new Set(), litEdges: new Set() };
export const RunOverlayContext = createContext<RunOverlay>(NONE);
export const useRunOverlay = (): RunOverlay => useContext(RunOverlayContext);

/** The overlay of the designer's current run; a new object only when the run or the chosen lead changes. */
export function useRunOverlayOf(edges: readonly Edge[]): RunOverlay {
  const runs = useRunStore();
  const current = useStore(runs, (s) => s.current);
  const lead = useStore(runs, (s) => s.selectedLead);
  const path = lead === null ? undefined : current?.result.outcomes[lead]?.path;
  const edgeKey = path ? edges.map((e) => `${e.id}\u0001${e.source}\u0001${e.target}`).join("\u0002") : "";
  return useMemo(() => {
    if (!current) return NONE;
    const litNodes = new Set(path ?? []);
    const litEdges = new Set<string>();
    if (path) {
      for (let i = 0; i + 1 < path.length; i++) {
        const edge = edges.find((e) => e.source === path[i] && e.target === path[i + 1]);
        if (edge) litEdges.add(edge.id);
      }
    }
    return { nodeCounts: current.result.summary.nodes, edgeCounts: current.result.summary.edges, litNodes, litEdges };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- edgeKey stands for `edges`: a drag moves edges without changing the lit path.
  }, [current, path, edgeKey]);
}

/** React Flow edges with the run's counts as labels and the lit path highlighted; unchanged edges keep their identity. */
export function useDecoratedEdges(edges: FlowEdge[], overlay: RunOverlay, countText: (n: number) => string): FlowEdge[] {
  const cache = useRef<{ overlay: RunOverlay; map: WeakMap<FlowEdge, FlowEdge>; last: FlowEdge[] }>({
    overlay,
    map: new WeakMap(),
    last: [],
  });
  if (cache.current.overlay !== overlay) cache.current = { overlay, map: new WeakMap(), last: [] };
  if (overlay.edgeCounts === null) return edges;
  const { map } = cache.current;
  const out = edges.map((e) => {
    const hit = map.get(e);
    if (hit) return hit;
    const n = overlay.edgeCounts?.[e.id] ?? 0;
    const lit = overlay.litEdges.has(e.id);
    const label = typeof e.label === "string" ? `${e.label} · ${countText(n)}` : countText(n);
    const rf: FlowEdge = {
      ...e,
      label,
      ariaLabel: `${e.ariaLabel ?? ""} (${countText(n)})`,
      className: `${e.className ?? ""}${lit ? " lw-edge-lit" : ""}`,
      ...(lit ? { zIndex: 10 } : {}),
    };
    map.set(e, rf);
    return rf;
  });
  const last = cache.current.last;
  if (last.length === out.length && out.every((x, i) => x === last[i])) return last;
  cache.current.last = out;
  return out;
}
