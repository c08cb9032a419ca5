// The flow canvas: React Flow in controlled mode over the document, with drop, connect rules, minimap and zoom controls.
import { portOf } from "../../engine";
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  SelectionMode,
  useReactFlow,
  useStore,
  type AriaLabelConfig,
  type NodeTypes,
  type OnMoveEnd,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { FlowNode } from "../../engine";
import { useT } from "../../i18n/useT";
import { nodeUi } from "../../../nodes/ui";
import { readViewport, writeViewport, type Viewport } from "../document";
import { useDesigner, useDesignerStore } from "../store/context";
import type { DesignerState } from "../store/store";
import { CardContext } from "./cardContext";
import { ConnectionNotice } from "./ConnectionNotice";
import { createEdgeDeriver, createNodeDeriver, type CardNode, type EdgeTexts, type FlowEdge, type IssueCounts } from "./derive";
import { useCanvasDrop } from "./dnd";
import { EmptyHint } from "./EmptyHint";
import { FlowNodeCard, displayName } from "./FlowNodeCard";
import { portKey } from "./ports";
import { RunOverlayContext, useDecoratedEdges, useRunOverlayOf } from "./runOverlay";
import { useConnectionRules } from "./useConnectionRules";
import { useFieldLabels } from "./useFieldLabels";
// A constant: React Flow re-reads a prop whose identity changes, and a new object per render would cost a store update per drag frame.
import { FIT_VIEW_OPTIONS } from "./view";
import { useNodeChanges } from "./useNodeChanges";

const nodeTypes: NodeTypes = { card: FlowNodeCard };
const nodesSelector = (s: DesignerState) => s.flow.nodes;
const edgesSelector = (s: DesignerState) => s.flow.edges;
const selectionSelector = (s: DesignerState) => s.selection;
const measuredSelector = (s: DesignerState) => s.measured;
const validationSelector = (s: DesignerState) => s.validation;
const teamsSelector = (s: DesignerState) => s.flow.teams;
/** An empty flow starts at 100 % with nothing fitted, so the first dropped node stays where it was dropped. */
const START_VIEWPORT = { x: 0, y: 0, zoom: 1 };
/** Above this many nodes only what is in view is rendered (zoomed in on a large flow, a drag then touches a few dozen nodes, not hundreds). */
const RENDER_VISIBLE_ONLY_ABOVE = 80;
const minimapColor = (n: CardNode) => nodeUi[n.data.node.type].color;
/**
 * Below this zoom a card's small print (type, summary, port names) and the edges' port labels are too small to read, so they
 * are hidden (kept in the layout, so nothing moves or is re-measured), and so is the dot grid: the zoomed-out canvas reads
 * like a map of coloured cards, icons, names and badges, and a drag or pan in a 300-node flow paints a fraction of what it would.
 */
export const FAR_ZOOM = 0.45;

/** Tells the canvas when the zoom crosses FAR_ZOOM (only then, not on every zoom step). */
function FarZoomWatcher({ onChange }: { onChange: (far: boolean) => void }) {
  const far = useStore((s) => s.transform[2] < FAR_ZOOM);
  useEffect(() => onChange(far), [far, onChange]);
  return null;
}

/**
 * When the canvas gets shorter or taller (Leads & Run opened, closed or resized), the view keeps its centre: otherwise the
 * flow slides under the drawer and its lower half disappears.
 */
function KeepCentre() {
  const height = useStore((s) => s.height);
  const { getViewport, setViewport } = useReactFlow();
  const last = useRef(height);
  useEffect(() => {
    const delta = height - last.current;
    last.current = height;
    if (delta === 0 || height === 0 || height === delta) return; // the first measurement is not a change
    const view = getViewport();
    void setViewport({ ...view, y: view.y + delta / 2 });
  }, [height, getViewport, setViewport]);
  return null;
}

export function Canvas({ boxSelect, minimap }: { boxSelect: boolean; minimap: boolean }) {
  const store = useDesignerStore();
  const { t, te, lang } = useT();
  const nodes = useDesigner(nodesSelector);
  const edges = useDesigner(edgesSelector);
  const selection = useDesigner(selectionSelector);
  const measured = useDesigner(measuredSelector);
  const validation = useDesigner(validationSelector);
  const teams = useDesigner(teamsSelector);
  const fieldLabels = useFieldLabels();
  const wired = useMemo(() => {
    const out = new Map<string, Set<string>>();
    for (const e of edges) {
      const ports = out.get(e.source) ?? new Set<string>();
      ports.add(portOf(e));
      out.set(e.source, ports);
    }
    return out;
  }, [edges]);
  const cardContext = useMemo(() => ({ teams, fieldLabels, wired }), [teams, fieldLabels, wired]);
  const counts = useMemo(() => {
    const out = new Map<string, IssueCounts>();
    for (const [id, issues] of validation.byNode) {
      const errors = issues.filter((i) => i.severity === "error").length;
      out.set(id, { errors, warnings: issues.length - errors });
    }
    return out;
  }, [validation]);
  const deriveNodes = useRef(createNodeDeriver()).current;
  const deriveEdges = useRef(createEdgeDeriver()).current;
  // Chosen once at mount: the saved viewport, else fit a non-empty flow, else 100 % (dropped nodes stay where dropped).
  const initialView = useRef<Viewport | "fit">(
    readViewport(store.getState().flow) ?? (store.getState().flow.nodes.length > 0 ? "fit" : START_VIEWPORT),
  ).current;

  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedEdges = useMemo(() => new Set(selection.edges), [selection.edges]);
  const ariaOf = useCallback((n: FlowNode) => t("canvas.nodeAria", { type: te(`node.${n.type}.name`), name: displayName(n, te) }), [t, te]);
  const rfNodes = deriveNodes(nodes, selectedNodes, measured, counts, ariaOf, lang);

  // Edge texts name their nodes: rebuilt when the language or a name changes, never during a drag.
  const namesKey = nodes.map((n) => `${n.id}\u0001${n.type}\u0001${n.label ?? ""}`).join("\u0002");
  const edgeTexts = useMemo<EdgeTexts>(() => {
    const names = new Map(nodes.map((n) => [n.id, displayName(n, te)]));
    const portLabel = (port: string) => {
      const key = portKey(port);
      return key ? t(key) : port;
    };
    return {
      portLabel,
      aria: (e) =>
        t("canvas.edgeAria", {
          source: names.get(e.source) ?? e.source,
          port: portLabel(portOf(e)),
          target: names.get(e.target) ?? e.target,
        }),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- namesKey stands for `nodes`: rebuilt on a rename, not on every drag frame.
  }, [t, te, namesKey]);
  const overlay = useRunOverlayOf(edges);
  const rfEdges: FlowEdge[] = useDecoratedEdges(deriveEdges(edges, selectedEdges, edgeTexts), overlay, (count) =>
    t("simui.edgeCount", { count }),
  );

  const [far, setFar] = useState(false);
  const changes = useNodeChanges();
  const rules = useConnectionRules();
  const drop = useCanvasDrop();
  const onMoveEnd: OnMoveEnd = useCallback(
    (_event, viewport) => {
      store.getState().change((d) => writeViewport(d, viewport), { history: "ignore" });
    },
    [store],
  );

  const ariaLabelConfig = useMemo<Partial<AriaLabelConfig>>(
    () => ({
      "node.a11yDescription.default": t("canvas.nodeDescription"),
      "node.a11yDescription.keyboardDisabled": t("canvas.nodeDescription"),
      "node.a11yDescription.ariaLiveMessage": ({ direction, x, y }) => t("canvas.movedNode", { direction, x, y }),
      "edge.a11yDescription.default": t("canvas.edgeDescription"),
      "controls.ariaLabel": t("canvas.controls"),
      "controls.zoomIn.ariaLabel": t("canvas.zoomIn"),
      "controls.zoomOut.ariaLabel": t("canvas.zoomOut"),
      "controls.fitView.ariaLabel": t("canvas.fitView"),
      "controls.interactive.ariaLabel": t("canvas.interactive"),
      "minimap.ariaLabel": t("canvas.minimap"),
      "handle.ariaLabel": t("canvas.handle"),
    }),
    [t],
  );

  return (
    <section className={far ? "lw-canvas lw-canvas-far" : "lw-canvas"} aria-label={t("canvas.label")} id="lw-canvas" tabIndex={-1}>
      <CardContext.Provider value={cardContext}>
        <RunOverlayContext.Provider value={overlay}>
          <ReactFlow<CardNode, FlowEdge>
            nodes={rfNodes}
            edges={rfEdges}
            nodeTypes={nodeTypes}
            {...changes}
            {...rules}
            {...drop}
            onMoveEnd={onMoveEnd}
            {...(initialView === "fit" ? { fitView: true, fitViewOptions: FIT_VIEW_OPTIONS } : { defaultViewport: initialView })}
            minZoom={0.1}
            maxZoom={2}
            deleteKeyCode={null}
            selectionKeyCode="Shift"
            multiSelectionKeyCode={["Meta", "Control"]}
            selectionOnDrag={boxSelect}
            panOnDrag={boxSelect ? [1, 2] : true}
            selectionMode={SelectionMode.Partial}
            connectionRadius={28}
            onlyRenderVisibleElements={nodes.length > RENDER_VISIBLE_ONLY_ABOVE}
            ariaLabelConfig={ariaLabelConfig}
            colorMode="light"
          >
            <Background gap={20} />
            {minimap && nodes.length > 0 && <MiniMap<CardNode> nodeColor={minimapColor} pannable zoomable />}
            <Controls showInteractive={false} fitViewOptions={FIT_VIEW_OPTIONS} />
            <FarZoomWatcher onChange={setFar} />
            <KeepCentre />
          </ReactFlow>
        </RunOverlayContext.Provider>
      </CardContext.Provider>
      {nodes.length === 0 && <EmptyHint />}
      <ConnectionNotice />
    </section>
  );
}
