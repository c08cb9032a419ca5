// The palette: the six node types with icon and short description, filtered by a search box; drag onto the canvas or click to add.
import { useReactFlow } from "@xyflow/react";
import { useId, useMemo, useState } from "react";
import type { NodeType } from "../../engine";
import { useT } from "../../i18n/useT";
import { NODE_TYPES, nodeUi } from "../../../nodes/ui";
import { addNodeAfterSelection } from "../actions/addNode";
import { NodeIcon } from "../canvas/NodeIcon";
import { startPaletteDrag } from "../canvas/dnd";
import { useDesignerStore } from "../store/context";

/** Case- and accent-insensitive "contains", for names and descriptions in either language. */
function normalise(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

export function Palette() {
  const store = useDesignerStore();
  const { t, te } = useT();
  const { screenToFlowPosition } = useReactFlow();
  const [query, setQuery] = useState("");
  const searchId = useId();
  const hintId = useId();

  const entries = useMemo(() => NODE_TYPES.map((type) => ({ type, name: te(nodeUi[type].palette.name), description: te(nodeUi[type].palette.description) })), [te]); // texts change with the language only
  const shown = useMemo(() => {
    const q = normalise(query.trim());
    return q ? entries.filter((e) => normalise(e.name).includes(q) || normalise(e.description).includes(q) || e.type.includes(q)) : entries;
  }, [entries, query]);

  const add = (type: NodeType) => {
    const canvas = document.getElementById("lw-canvas")?.getBoundingClientRect();
    const centre = canvas ? screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 }) : { x: 0, y: 0 };
    addNodeAfterSelection(store, type, { x: centre.x - 110, y: centre.y - 40 }, te(`node.${type}.name`));
  };

  return (
    <nav className="lw-palette" aria-label={t("palette.title")}>
      <h2 className="lw-panel-title">{t("palette.title")}</h2>
      <label className="lw-sr-only" htmlFor={searchId}>{t("palette.search")}</label>
      <input id={searchId} className="lw-search" type="search" value={query} placeholder={t("palette.searchPlaceholder")} onChange={(e) => setQuery(e.target.value)} />
      <p id={hintId} className="lw-note">{t("palette.hint")}</p>
      <ul className="lw-palette-list">
        {shown.map((e) => (
          <li key={e.type}>
            <button
              type="button"
              className="lw-palette-entry"
              draggable
              data-node-type={e.type}
              onDragStart={(event) => startPaletteDrag(event, e.type)}
              onClick={() => add(e.type)}
              aria-describedby={hintId}
            >
              <NodeIcon type={e.type} size={22} />
              <span className="lw-palette-text">
                <span className="lw-palette-name">{e.name}</span>
                <span className="lw-palette-desc">{e.description}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="lw-note" role="status">{t("palette.empty", { query })}</p>}
    </nav>
  );
}
