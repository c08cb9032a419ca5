// One open flow: a designer store fed from the library's draft, its autosaver, page-hide flushes, and other tabs' changes.
import { translate } from "../../i18n/catalogue";
import { createStore, type StoreApi } from "zustand/vanilla";
import { type Flow, type Lang } from "../../engine";
import {
  Autosaver,
  checkFlow,
  flushOnPageHide,
  type AutosaveState,
  type Conflict,
  type ExternalChange,
  type FlowDraft,
  type FlowLibrary,
  type TabSync,
} from "../../storage";
import { createDesignerStore, type DesignerStore } from "../store/store";

export interface SessionState {
  readonly save: AutosaveState;
  /** Another tab changed, trashed or deleted this flow; shown as a banner until the user chooses. */
  readonly external: ExternalChange | null;
}

export interface FlowSession {
  readonly flowId: string;
  readonly library: FlowLibrary;
  readonly store: DesignerStore;
  readonly saver: Autosaver;
  readonly state: StoreApi<SessionState>;
  /** Saves what is pending and stops listening. */
  close(): Promise<void>;
  /** Stops without saving (the user chose the other tab's version). */
  discard(): void;
}

export interface SessionOptions {
  readonly library: FlowLibrary;
  readonly sync: TabSync;
  readonly draft: FlowDraft;
  readonly lang: () => Lang;
}

export function openSession({ library, sync, draft, lang }: SessionOptions): FlowSession {
  const flowId = draft.summary.id;
  const store = createDesignerStore(draft.doc);
  const saver = new Autosaver({ library, flowId, revision: draft.revision, lang });
  const state = createStore<SessionState>()(() => ({ save: saver.state, external: null }));
  const noteExternal = (change: ExternalChange | null) => {
    if (change) state.setState({ external: change });
  };
  const offs = [
    saver.subscribe((save) => state.setState({ save })),
    store.subscribe((s, previous) => {
      if (s.flow !== previous.flow) saver.change(s.flow);
    }),
    flushOnPageHide(saver, window, document),
    sync.watchFlow(flowId, () => saver.state.revision, noteExternal),
  ];
  // A message may be missed while the tab sleeps (or there is no BroadcastChannel): re-check when it is shown again.
  const onVisible = () => {
    if (document.visibilityState === "visible") void checkFlow(library, flowId, saver.state.revision).then(noteExternal);
  };
  document.addEventListener("visibilitychange", onVisible);
  let closed = false;
  const stop = () => {
    closed = true;
    for (const off of offs) off();
    document.removeEventListener("visibilitychange", onVisible);
    saver.dispose();
  };
  return {
    flowId,
    library,
    store,
    saver,
    state,
    async close() {
      if (closed) return;
      await saver.flushNow();
      stop();
    },
    discard() {
      if (!closed) stop();
    },
  };
}

/** The banner a storage conflict shows: the same three cases as an external change. */
export function conflictKind(reason: Conflict["reason"]): ExternalChange["kind"] {
  return reason === "changed" ? "draft" : reason === "missing" ? "deleted" : "trashed";
}

/** "Keep mine as a copy": a new flow holding this tab's document; returns its id. */
export async function keepMineAsCopy(session: FlowSession, lang: Lang): Promise<string> {
  const mine: Flow = session.store.getState().flow;
  const name = translate("storage.my_copy_name", { name: typeof mine.name === "string" ? mine.name : "" }, lang);
  const copy = await session.library.create({ from: mine, name });
  return copy.summary.id;
}
