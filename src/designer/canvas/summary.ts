// The one-line summary of a node card, through the registry's renderer for its type.
import type { FlowNode, NodeType } from "../../engine";
import { nodeUi, type NodeUi, type SummaryContext } from "../../../nodes/ui";

function uiOf<K extends NodeType>(type: K): NodeUi<K> {
  return nodeUi[type];
}

export function summarize(node: FlowNode, ctx: SummaryContext): string {
  try {
    return (uiOf(node.type) as NodeUi<NodeType>).summary(node, ctx);
  } catch {
    // A half-edited config can lack what the renderer reads; the card still shows, the inspector shows the problem.
    return "";
  }
}
