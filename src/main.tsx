// The designer's entry: texts, the flow library (IndexedDB) with cross-tab sync, start-up housekeeping, and the React tree.
import "@xyflow/react/dist/style.css";
import "./designer/designer.css";
import "./designer/library/library.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { flowHref } from "./designer/library/routes";
import { Root } from "./designer/library/Root";
import { migrateLegacyFlow, startFlowId } from "./designer/library/start";
import { createI18n, currentLang } from "./i18n";
import { FlowLibrary, TabSync } from "./storage";

function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

async function boot(): Promise<void> {
  const i18n = createI18n();
  const sync = new TabSync();
  const library = new FlowLibrary({ lang: () => currentLang(i18n), onChange: sync.announce });
  await migrateLegacyFlow(library, localStore());
  void library.purgeTrash();
  // An empty URL continues where this browser left off; a first visit gets the home screen (`#/`) with the templates.
  if (window.location.hash === "" || window.location.hash === "#") {
    const last = await startFlowId(library);
    window.history.replaceState(null, "", last ? flowHref(last) : "#/");
  }
  const root = document.getElementById("root");
  if (!root) throw new Error("index.html has no #root element");
  createRoot(root).render(
    <StrictMode>
      <Root library={library} sync={sync} i18n={i18n} />
    </StrictMode>,
  );
}

void boot();
