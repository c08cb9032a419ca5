// The app's root: texts, then the screen the URL hash names (home, trash, or a flow in the designer).
import { useEffect, useState } from "react";
import { I18nextProvider } from "react-i18next";
import type { i18n } from "i18next";
import type { FlowLibrary, TabSync } from "../../storage";
import "../forms/forms.css";
import { FlowScreen } from "./FlowScreen";
import { Home } from "./Home";
import { parseRoute, type Route } from "./routes";
import { TrashView } from "./TrashView";

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
      ) : (
        <Home library={library} />
      )}
    </I18nextProvider>
  );
}
