// The designer's entry: texts, the last flow from this browser (or an empty one), autosave, and the React tree.
import "@xyflow/react/dist/style.css";
import "./designer/designer.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./designer/App";
import { emptyFlow } from "./designer/document";
import { debouncedSaver, localStoragePersistence } from "./designer/persistence";
import { createDesignerStore } from "./designer/store/store";
import { installTestHook } from "./designer/testHook";
import { createI18n } from "./i18n";

const i18n = createI18n();
const persistence = localStoragePersistence(window.localStorage);
const store = createDesignerStore(persistence.load() ?? emptyFlow());
const saver = debouncedSaver(persistence);
store.subscribe((state, previous) => {
  if (state.flow !== previous.flow) saver.schedule(state.flow);
});
window.addEventListener("pagehide", () => saver.flush());
installTestHook(store);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App store={store} i18n={i18n} />
  </StrictMode>,
);
