// The card of one node on the canvas: icon, name, summary, a handle per port, and a badge counting its validation issues.
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo, useMemo } from "react";
import { nodeRegistry, type FlowNode } from "../../engine";
import { useT, type Translator } from "../../i18n/useT";
import { nodeUi } from "../../../nodes/ui";
import { useCardContext } from "./cardContext";
import type { CardNode } from "./derive";
import { AddAfterPort } from "./AddAfterPort";
import { NodeIcon } from "./NodeIcon";
import { portKey, portTone } from "./ports";
import { useRunOverlay } from "./runOverlay";
import { summarize } from "./summary";

export function displayName(node: FlowNode, te: Translator["te"]): string {
  return node.label?.trim() || te(`node.${node.type}.name`);
}

function Badges({ errors, warnings }: { errors: number; warnings: number }) {
  const { t } = useT();
  if (errors === 0 && warnings === 0) return null;
  const text = t("canvas.badge", { errors, warnings });
  return (
    <span className="lw-badges" title={text}>
      {errors > 0 && (
        <span className="lw-badge lw-badge-error" aria-hidden="true">
          {errors}
        </span>
      )}
      {warnings > 0 && (
        <span className="lw-badge lw-badge-warning" aria-hidden="true">
          {warnings}
        </span>
      )}
      <span className="lw-sr-only">{text}</span>
    </span>
  );
}

/** Re-rendered when its content or selection changes, not on every frame of a drag (position props are ignored). */
const sameCard = (a: NodeProps<CardNode>, b: NodeProps<CardNode>) => a.data === b.data && a.selected === b.selected && a.id === b.id;

export const FlowNodeCard = memo(function FlowNodeCard({ data, selected }: NodeProps<CardNode>) {
  const { node, errors, warnings } = data;
  const { t, te, lang } = useT();
  const { teams, fieldLabels, wired } = useCardContext();
  const used = wired.get(node.id);
  const plus = (port: string) =>
    used?.has(port) ? null : <AddAfterPort nodeId={node.id} port={port} portName={portName(port)} nodeName={name} />;
  const ports = nodeRegistry[node.type].ports;
  const name = displayName(node, te);
  const run = useRunOverlay();
  const runCount = run.nodeCounts?.[node.id]?.in;
  // Leads that left by each port (an unwired port too: a follow-up's "met" often ends the walk there).
  const portCounts = runCount === undefined ? undefined : (run.nodeCounts?.[node.id]?.out ?? {});
  const summary = useMemo(() => summarize(node, { t, te, lang, teams, fieldLabels }), [node, t, te, lang, teams, fieldLabels]);
  const portName = (port: string) => {
    const key = portKey(port);
    return key ? t(key) : port;
  };

  return (
    <div
      className={`lw-card${selected ? " lw-card-selected" : ""}${run.litNodes.has(node.id) ? " lw-card-lit" : ""}`}
      style={{ borderTopColor: nodeUi[node.type].color }}
    >
      {ports.in.map((port) => (
        <Handle
          key={port}
          type="target"
          position={Position.Left}
          id={port}
          className="lw-handle lw-handle-in"
          role="img"
          aria-label={t("canvas.inputHandle", { node: name })}
        />
      ))}
      <div className="lw-card-head">
        <NodeIcon type={node.type} />
        <span className="lw-card-type">{te(`node.${node.type}.name`)}</span>
        <Badges errors={errors} warnings={warnings} />
      </div>
      <div className="lw-card-name">{name}</div>
      {summary && <div className="lw-card-summary">{summary}</div>}
      {runCount !== undefined && <div className="lw-card-runcount">{t("simui.nodeCount", { count: runCount })}</div>}
      {ports.out.length === 1 && ports.out[0] !== undefined && (
        <>
          <Handle
            type="source"
            position={Position.Right}
            id={ports.out[0]}
            className={`lw-handle lw-handle-out lw-handle-single lw-tone-${portTone(ports.out[0])}`}
            role="img"
            aria-label={t("canvas.outputHandle", { port: portName(ports.out[0]), node: name })}
          />
          {plus(ports.out[0])}
        </>
      )}
      {ports.out.length > 1 && (
        <div className="lw-card-ports">
          {ports.out.map((port) => (
            <div key={port} className={`lw-port lw-port-${portTone(port)}`}>
              <span className="lw-port-name">{portName(port)}</span>
              {portCounts && (
                <span className="lw-port-count" data-port={port}>
                  {t("simui.edgeCount", { count: portCounts[port] ?? 0 })}
                </span>
              )}
              <Handle
                type="source"
                position={Position.Right}
                id={port}
                className={`lw-handle lw-handle-out lw-tone-${portTone(port)}`}
                role="img"
                aria-label={t("canvas.outputHandle", { port: portName(port), node: name })}
              />
              {plus(port)}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}, sameCard);
