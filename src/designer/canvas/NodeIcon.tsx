// A node type's icon: its registry path drawn as a stroke in the type's colour (decorative; names come from text).
import type { NodeType } from "../../engine";
import { nodeUi } from "../../../nodes/ui";

export function NodeIcon({ type, size = 20 }: { type: NodeType; size?: number }) {
  const ui = nodeUi[type];
  return (
    <svg
      className="lw-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke={ui.color}
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={ui.icon} />
    </svg>
  );
}
