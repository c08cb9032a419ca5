// A small picture of a flow for the template gallery: each node a card in its type's colour and icon, each edge a curve.
import type { Flow } from "../../engine";
import { nodeUi } from "../../../nodes/ui";

const CARD_W = 184;
const CARD_H = 64;
const PAD = 24;

/** Drawn from the nodes' saved positions (templates always have them); decorative, so hidden from screen readers. */
export function FlowPicture({ flow }: { flow: Flow }) {
  const placed = flow.nodes.map((n, i) => ({ node: n, x: n.position?.x ?? i * 260, y: n.position?.y ?? 0 }));
  if (placed.length === 0) return null;
  const minX = Math.min(...placed.map((p) => p.x)) - PAD;
  const minY = Math.min(...placed.map((p) => p.y)) - PAD;
  const width = Math.max(...placed.map((p) => p.x)) + CARD_W + PAD - minX;
  const height = Math.max(...placed.map((p) => p.y)) + CARD_H + PAD - minY;
  const at = new Map(placed.map((p) => [p.node.id, p]));
  return (
    <svg className="lw-flow-picture" viewBox={`${minX} ${minY} ${width} ${height}`} aria-hidden="true" focusable="false">
      {flow.edges.map((edge) => {
        const a = at.get(edge.source);
        const b = at.get(edge.target);
        if (!a || !b) return null;
        const x1 = a.x + CARD_W;
        const y1 = a.y + CARD_H / 2;
        const x2 = b.x;
        const y2 = b.y + CARD_H / 2;
        const bend = Math.max(40, (x2 - x1) / 2);
        return (
          <path key={edge.id} d={`M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`} className="lw-flow-picture-edge" />
        );
      })}
      {placed.map(({ node, x, y }) => {
        const ui = nodeUi[node.type];
        return (
          <g key={node.id} transform={`translate(${x} ${y})`}>
            <rect width={CARD_W} height={CARD_H} rx={10} className="lw-flow-picture-card" style={{ stroke: ui.color }} />
            <rect width={8} height={CARD_H} rx={4} style={{ fill: ui.color }} />
            <g transform="translate(24 14) scale(1.5)">
              <path d={ui.icon} fill="none" stroke={ui.color} strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" />
            </g>
            <rect x={72} y={22} width={92} height={8} rx={4} className="lw-flow-picture-line" />
            <rect x={72} y={38} width={64} height={6} rx={3} className="lw-flow-picture-line lw-flow-picture-line--light" />
          </g>
        );
      })}
    </svg>
  );
}
