// The app's root: texts, then the screen the URL hash names (home, trash, or a flow in the designer).
import { useEffect, useRef, useState } from "react";
import { I18nextProvider } from "react-i18next";
import type { i18n } from "i18next";
import type { FlowLibrary, TabSync } from "../../storage";
import "../forms/forms.css";
import { FlowScreen } from "./FlowScreen";
import { Home } from "./Home";
import { flowHref, parseRoute, type Route } from "./routes";
import { TrashView } from "./TrashView";

/** `#/new` (a bookmarkable "new flow" link): makes an empty flow once and replaces the URL with it, so a reload keeps it. */
function NewFlow({ library }: { library: FlowLibrary }) {
  const made = useRef(false);
  useEffect(() => {
    if (made.current) return;
    made.current = true;
    void library.create().then((draft) => window.location.replace(flowHref(draft.summary.id)));
  }, [library]);
  return null;
}

export function Root({ library, sync, i18n }: { library: FlowLibrary; sync: TabSync; i18n: i18n }) {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  return (
    <I18nextProvider i18n={i18n}>
      {route.screen === "flow" ? (
        <FlowScreen key={route.id} id={route.id} library={library} sync={sync} i18n={i18n} />
      ) : route.screen === "trash" ? (
        <TrashView library={library} />
      ) : route.screen === "new" ? (
        <NewFlow library={library} />
      ) : (
        <Home library={library} />
      )}
    </I18nextProvider>
  );
}
