// The inspector panel: the selected node's name and its type's form (from the registry, loaded on demand), wired to undoable changes.
import { translate } from "../../i18n/catalogue";
import { Suspense, useCallback, useId, useMemo } from "react";
import type { Draft } from "immer";
import { knownFields, type Flow, type FlowNode, type NodeType } from "../../engine";
import { useT } from "../../i18n/useT";
import { nodeUi, type NodeUi } from "../../../nodes/ui";
import type { InspectorProps } from "../forms/node-ui";
import { NodeIcon } from "../canvas/NodeIcon";
import { useDesignerStore } from "../store/context";
import { useNodeIssues } from "../store/useNodeIssues";
import { useSelection } from "../store/useSelection";
import { useStableFlow } from "../store/useStableFlow";
import { FlowFields } from "../flow/FlowFields";
import { FlowSettings } from "../flow/FlowSettings";
import { ToolSvg } from "../toolbar/ToolButton";
import { FormErrorBoundary } from "./FormErrorBoundary";

function NodeInspector({ node, flow }: { node: FlowNode; flow: Flow }) {
  const store = useDesignerStore();
  const { t, te, lang } = useT();
  const nameId = useId();
  const rawIssues = useNodeIssues(node.id);
  const issues = useMemo(() => rawIssues.map((i) => ({ ...i, message: translate(i.code, i.params, lang) })), [rawIssues, lang]);
  const fields = useMemo(() => [...knownFields(flow).values()], [flow]);
  const { id, type } = node;

  const updateConfig = useCallback<InspectorProps<NodeType>["updateConfig"]>(
    (recipe, options) => {
      store.getState().change(
        (d) => {
          const target = d.nodes.find((n) => n.id === id);
          if (target && target.type === type) recipe(target.config as Draft<FlowNode["config"]>);
        },
        { history: "record", ...(options?.mark ? { mark: options.mark } : {}) },
      );
    },
    [store, id, type],
  );

  const updateFlow = useCallback<InspectorProps<NodeType>["updateFlow"]>(
    (recipe, options) => {
      store.getState().change(recipe, { history: "record", ...(options?.mark ? { mark: options.mark } : {}) });
    },
    [store],
  );

  const rename = (label: string) => {
    store.getState().change(
      (d) => {
        const target = d.nodes.find((n) => n.id === id);
        if (!target) return;
        if (label === "") delete target.label;
        else target.label = label;
      },
      { history: "record", mark: `${id}:label` },
    );
  };

  const Inspector = (nodeUi[type] as NodeUi<NodeType>).Inspector;
  const typeName = te(`node.${type}.name`);
  return (
    <div className="lw-inspector-body">
      <div className="lw-inspector-head">
        <NodeIcon type={type} size={24} />
        <h3 className="lw-inspector-type">{typeName}</h3>
      </div>
      <div className="lw-prop">
        <label htmlFor={nameId}>{t("inspector.name")}</label>
        <input
          id={nameId}
          type="text"
          value={node.label ?? ""}
          placeholder={typeName}
          onChange={(e) => rename(e.target.value)}
          onBlur={() => store.getState().sealHistory()}
        />
      </div>
      <FormErrorBoundary key={node.id} message={(detail) => t("inspector.failed", { detail })}>
        <Suspense
          fallback={
            <p className="lw-note" role="status">
              {t("inspector.loading")}
            </p>
          }
        >
          <Inspector
            node={node}
            flow={flow}
            fields={fields}
            issues={issues}
            lang={lang}
            updateConfig={updateConfig}
            updateFlow={updateFlow}
          />
        </Suspense>
      </FormErrorBoundary>
      <p className="lw-note lw-node-id">{t("inspector.id", { id: node.id })}</p>
    </div>
  );
}

/**
 * Shown only while nodes are selected or the lead fields are open (toolbar), so with nothing selected the canvas has the
 * whole width. Closing clears the selection and the fields view.
 */
export function InspectorHost({ fields, onCloseFields }: { fields: boolean; onCloseFields: () => void }) {
  const { t } = useT();
  const store = useDesignerStore();
  const selection = useSelection();
  const flow = useStableFlow();
  const id = selection.nodes.length === 1 ? selection.nodes[0] : undefined;
  const node = id === undefined ? undefined : flow.nodes.find((n) => n.id === id);
  if (!node && selection.nodes.length === 0 && !fields) return null;
  const close = () => {
    onCloseFields();
    store.getState().select({ nodes: [], edges: [] });
  };
  return (
    <aside className="lw-inspector" aria-label={t("inspector.title")}>
      <div className="lw-inspector-top">
        <h2 className="lw-panel-title">{node || selection.nodes.length > 1 ? t("inspector.title") : t("flow.fields")}</h2>
        <button type="button" className="lw-tool" aria-label={t("inspector.close")} title={t("inspector.close")} onClick={close}>
          <ToolSvg icon="close" />
        </button>
      </div>
      {node ? (
        <NodeInspector key={node.id} node={node} flow={flow} />
      ) : selection.nodes.length > 1 ? (
        <p className="lw-note">{t("inspector.many", { count: selection.nodes.length })}</p>
      ) : (
        <>
          <p className="lw-note">{t("flow.hint")}</p>
          <FlowSettings />
          <FlowFields />
        </>
      )}
    </aside>
  );
}
