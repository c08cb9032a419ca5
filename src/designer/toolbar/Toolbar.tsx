// The toolbar: home, flow name, undo/redo, clipboard, delete, auto-layout, box-select mode, shortcuts help, the library tools (export, publish, history, save status) and the language switcher.
import { useReactFlow } from "@xyflow/react";
import { useId } from "react";
import { useT } from "../../i18n/useT";
import { autoLayout } from "../actions/autoLayout";
import { FIT_VIEW_OPTIONS } from "../canvas/view";
import { copySelection, duplicateSelection, paste } from "../actions/clipboard";
import { useDesignerStore } from "../store/context";
import { useFlowName } from "../store/useFlowName";
import { useHistoryState } from "../store/useHistoryState";
import { useSelection } from "../store/useSelection";
import { FlowTools, HomeButton } from "./FlowTools";
import { LanguageSelect } from "./LanguageSelect";
import { ToolButton } from "./ToolButton";

export interface ToolbarProps {
  readonly boxSelect: boolean;
  readonly onBoxSelect: (on: boolean) => void;
  readonly onHelp: () => void;
  /** Deletes the selection (the shell asks first when it is large). */
  readonly onDelete: () => void;
  readonly minimap: boolean;
  readonly onMinimap: (on: boolean) => void;
  readonly fields: boolean;
  readonly onFields: (on: boolean) => void;
}

export function Toolbar({ boxSelect, onBoxSelect, onHelp, onDelete, minimap, onMinimap, fields, onFields }: ToolbarProps) {
  const store = useDesignerStore();
  const { t } = useT();
  const { canUndo, canRedo } = useHistoryState();
  const selection = useSelection();
  const name = useFlowName();
  const { fitView } = useReactFlow();
  const nameId = useId();
  const hasNodes = selection.nodes.length > 0;
  const hasAny = hasNodes || selection.edges.length > 0;

  const layout = async () => {
    if (await autoLayout(store)) requestAnimationFrame(() => void fitView({ ...FIT_VIEW_OPTIONS, duration: 300 }));
  };

  return (
    <header className="lw-toolbar">
      <HomeButton />
      <h1 className="lw-brand">Leadwire</h1>
      <label className="lw-sr-only" htmlFor={nameId}>
        {t("toolbar.flowName")}
      </label>
      <input
        id={nameId}
        className="lw-flow-name"
        type="text"
        value={name}
        placeholder={t("toolbar.flowName")}
        onChange={(e) =>
          store.getState().change(
            (d) => {
              d.name = e.target.value;
            },
            { history: "record", mark: "flow:name" },
          )
        }
        onBlur={() => store.getState().sealHistory()}
      />
      <div className="lw-tools" role="toolbar" aria-label={t("toolbar.label")}>
        <div className="lw-tool-group">
          <ToolButton icon="undo" label={t("toolbar.undo")} keys="Ctrl+Z" disabled={!canUndo} onClick={() => store.getState().undo()} />
          <ToolButton
            icon="redo"
            label={t("toolbar.redo")}
            keys="Ctrl+Shift+Z"
            disabled={!canRedo}
            onClick={() => store.getState().redo()}
          />
        </div>
        <div className="lw-tool-group">
          <ToolButton icon="copy" label={t("toolbar.copy")} keys="Ctrl+C" disabled={!hasNodes} onClick={() => copySelection(store)} />
          <ToolButton icon="paste" label={t("toolbar.paste")} keys="Ctrl+V" onClick={() => paste(store)} />
          <ToolButton
            icon="duplicate"
            label={t("toolbar.duplicate")}
            keys="Ctrl+D"
            disabled={!hasNodes}
            onClick={() => duplicateSelection(store)}
          />
          <ToolButton icon="delete" label={t("toolbar.delete")} keys="Delete" disabled={!hasAny} onClick={onDelete} />
        </div>
        <div className="lw-tool-group">
          <ToolButton icon="layout" label={t("toolbar.layout")} text onClick={() => void layout()} />
          <ToolButton icon="box" label={t("toolbar.boxSelect")} keys="Shift" pressed={boxSelect} onClick={() => onBoxSelect(!boxSelect)} />
          <ToolButton icon="minimap" label={t("toolbar.minimap")} pressed={minimap} onClick={() => onMinimap(!minimap)} />
          <ToolButton icon="fields" label={t("flow.fields")} pressed={fields} onClick={() => onFields(!fields)} />
          <ToolButton icon="help" label={t("toolbar.help")} keys="?" onClick={onHelp} />
        </div>
        <FlowTools />
      </div>
      <LanguageSelect />
    </header>
  );
}
