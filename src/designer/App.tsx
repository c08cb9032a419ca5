// The designer's shell: toolbar on top, palette left (foldable), canvas centre with a one-line issues bar and the Leads & Run
// split below it, and the inspector on the right only while something is selected or the lead fields are open.
import { ReactFlowProvider } from "@xyflow/react";
import { useCallback, useEffect, useState } from "react";
import { I18nextProvider } from "react-i18next";
import type { i18n } from "i18next";
import { useT } from "../i18n/useT";
import { deleteSelection } from "./actions/deleteSelection";
import { Canvas } from "./canvas/Canvas";
import { ConfirmDialog } from "./forms/controls/ConfirmDialog";
import { ShortcutsPanel } from "./help/ShortcutsPanel";
import { InspectorHost } from "./inspector/InspectorHost";
import { ConflictBanner } from "./library/ConflictBanner";
import { IssuesPanel } from "./issues/IssuesPanel";
import { Palette } from "./palette/Palette";
import { SimulationPanel } from "./simulation/SimulationPanel";
import { createRunStore } from "./simulation/runStore";
import { RunStoreContext } from "./simulation/useRuns";
import { DesignerStoreContext } from "./store/context";
import type { DesignerStore } from "./store/store";
import { useRoomPref } from "./shell/prefs";
import { Toolbar } from "./toolbar/Toolbar";
import { useShortcuts } from "./useShortcuts";

/** More selected steps than this and Delete asks first. */
const CONFIRM_DELETE_ABOVE = 3;

function Shell({ store }: { store: DesignerStore }) {
  const { t, lang } = useT();
  useEffect(() => {
    document.title = t("app.title");
  }, [t, lang]);
  const [boxSelect, setBoxSelect] = useState(false);
  const [help, setHelp] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  const [minimap, setMinimap] = useRoomPref("minimap");
  const [fields, setFields] = useState(false);
  // Deleting more than three steps at once asks first (undo would bring them back, but a manager should not need to know).
  const [confirmDelete, setConfirmDelete] = useState(0);
  const requestDelete = useCallback(() => {
    const count = store.getState().selection.nodes.length;
    if (count > CONFIRM_DELETE_ABOVE) setConfirmDelete(count);
    else deleteSelection(store);
  }, [store]);
  useShortcuts(store, openHelp, requestDelete);
  return (
    <div className="lw-app">
      <a className="lw-skip" href="#lw-canvas">
        {t("app.skip")}
      </a>
      <Toolbar
        boxSelect={boxSelect}
        onBoxSelect={setBoxSelect}
        onHelp={openHelp}
        onDelete={requestDelete}
        minimap={minimap}
        onMinimap={setMinimap}
        fields={fields}
        onFields={setFields}
      />
      <ConflictBanner />
      <div className="lw-main">
        <Palette />
        <main className="lw-centre">
          <Canvas boxSelect={boxSelect} minimap={minimap} />
          <IssuesPanel />
          <SimulationPanel />
        </main>
        <InspectorHost fields={fields} onCloseFields={() => setFields(false)} />
      </div>
      {help && <ShortcutsPanel onClose={() => setHelp(false)} />}
      {confirmDelete > 0 && (
        <ConfirmDialog
          title={t("confirm.deleteNodesTitle")}
          message={t("confirm.deleteNodes", { count: confirmDelete })}
          confirm={t("confirm.deleteNodesYes", { count: confirmDelete })}
          onConfirm={() => {
            setConfirmDelete(0);
            deleteSelection(store);
          }}
          onCancel={() => setConfirmDelete(0)}
        />
      )}
    </div>
  );
}

export function App({ store, i18n }: { store: DesignerStore; i18n: i18n }) {
  // One run store for the App's life; each flow mounts its own App (keyed by flow), so runs never leak between flows.
  const [runs] = useState(createRunStore);
  return (
    <I18nextProvider i18n={i18n}>
      <DesignerStoreContext.Provider value={store}>
        <RunStoreContext.Provider value={runs}>
          <ReactFlowProvider>
            <Shell store={store} />
          </ReactFlowProvider>
        </RunStoreContext.Provider>
      </DesignerStoreContext.Provider>
    </I18nextProvider>
  );
}
