// Opens a flow from the library into the designer: one session per visit, closed (and flushed) when leaving.
import { useCallback, useEffect, useMemo, useState } from "react";
import type { i18n } from "i18next";
import { currentLang } from "../../i18n";
import type { FlowLibrary, TabSync } from "../../storage";
import { App } from "../App";
import { installTestHook } from "../testHook";
import { SessionContext, type SessionContextValue } from "./context";
import { LAST_FLOW_SETTING } from "./start";
import { openSession, type FlowSession } from "./session";

export interface FlowScreenProps {
  readonly id: string;
  readonly library: FlowLibrary;
  readonly sync: TabSync;
  readonly i18n: i18n;
}

export function FlowScreen({ id, library, sync, i18n }: FlowScreenProps) {
  const [session, setSession] = useState<FlowSession | null>(null);
  const [missing, setMissing] = useState(false);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let cancelled = false;
    let opened: FlowSession | null = null;
    void library.getDraft(id).then((draft) => {
      if (cancelled) return;
      if (!draft) {
        setMissing(true);
        return;
      }
      opened = openSession({ library, sync, draft, lang: () => currentLang(i18n) });
      installTestHook(opened.store);
      void library.setSetting(LAST_FLOW_SETTING, id);
      setSession(opened);
    });
    return () => {
      cancelled = true;
      void opened?.close();
    };
  }, [id, library, sync, i18n, generation]);
  const reload = useCallback(() => {
    session?.discard();
    setSession(null);
    setGeneration((g) => g + 1);
  }, [session]);
  const value = useMemo<SessionContextValue | null>(() => (session ? { session, reload } : null), [session, reload]);
  if (missing)
    return (
      <p role="alert" className="lw-screen-note">
        {i18n.t("library.missing", { id })} <a href="#/">{i18n.t("library.backHome")}</a>
      </p>
    );
  if (!session || !value)
    return (
      <p className="lw-screen-note" aria-busy="true">
        {i18n.t("library.loading")}
      </p>
    );
  return (
    <SessionContext.Provider value={value}>
      <App key={`${session.flowId}:${generation}`} store={session.store} i18n={i18n} />
    </SessionContext.Provider>
  );
}
