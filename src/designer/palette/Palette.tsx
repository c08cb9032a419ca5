// The palette: the node types with icon and short description, filtered by a search box; drag onto the canvas or click to add.
// It folds to a column of icons (remembered) to give the canvas the room.
import { useId, useMemo, useState } from "react";
import type { NodeType } from "../../engine";
import { useT } from "../../i18n/useT";
import { NODE_TYPES, nodeUi } from "../../../nodes/ui";
import { useAddFromPalette } from "../canvas/useAddNode";
import { NodeIcon } from "../canvas/NodeIcon";
import { startPaletteDrag } from "../canvas/dnd";
import { useRoomPref } from "../shell/prefs";
import { ToolSvg } from "../toolbar/ToolButton";

/** Case- and accent-insensitive "contains", for names and descriptions in either language. */
function normalise(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

export function Palette() {
  const { t, te } = useT();
  const addFromPalette = useAddFromPalette();
  const [query, setQuery] = useState("");
  const [folded, setFolded] = useRoomPref("paletteFolded");
  const searchId = useId();
  const hintId = useId();

  const entries = useMemo(
    () => NODE_TYPES.map((type) => ({ type, name: te(nodeUi[type].palette.name), description: te(nodeUi[type].palette.description) })),
    [te],
  ); // texts change with the language only
  const shown = useMemo(() => {
    const q = normalise(query.trim());
    return q ? entries.filter((e) => normalise(e.name).includes(q) || normalise(e.description).includes(q) || e.type.includes(q)) : entries;
  }, [entries, query]);

  const add = (type: NodeType) => addFromPalette(type);

  return (
    <nav className={folded ? "lw-palette lw-palette-folded" : "lw-palette"} aria-label={t("palette.title")}>
      <div className="lw-palette-head">
        {!folded && <h2 className="lw-panel-title">{t("palette.title")}</h2>}
        <button
          type="button"
          className="lw-tool lw-palette-fold"
          aria-expanded={!folded}
          aria-label={t(folded ? "palette.unfold" : "palette.fold")}
          title={t(folded ? "palette.unfold" : "palette.fold")}
          onClick={() => setFolded(!folded)}
        >
          <ToolSvg icon={folded ? "unfold" : "fold"} />
        </button>
      </div>
      {!folded && (
        <label className="lw-sr-only" htmlFor={searchId}>
          {t("palette.search")}
        </label>
      )}
      {!folded && (
        <input
          id={searchId}
          className="lw-search"
          type="search"
          value={query}
          placeholder={t("palette.searchPlaceholder")}
          onChange={(e) => setQuery(e.target.value)}
        />
      )}
      <p id={hintId} className={folded ? "lw-sr-only" : "lw-note"}>
        {t("palette.hint")}
      </p>
      <ul className="lw-palette-list">
        {(folded ? entries : shown).map((e) => (
          <li key={e.type}>
            <button
              type="button"
              className="lw-palette-entry"
              draggable
              data-node-type={e.type}
              onDragStart={(event) => startPaletteDrag(event, e.type)}
              onClick={() => add(e.type)}
              aria-describedby={hintId}
              title={folded ? e.name : undefined}
            >
              <NodeIcon type={e.type} size={22} />
              {folded ? (
                <span className="lw-sr-only">{e.name}</span>
              ) : (
                <span className="lw-palette-text">
                  <span className="lw-palette-name">{e.name}</span>
                  <span className="lw-palette-desc">{e.description}</span>
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {!folded && shown.length === 0 && (
        <p className="lw-note" role="status">
          {t("palette.empty", { query })}
        </p>
      )}
    </nav>
  );
}
