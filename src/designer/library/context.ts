// Gives the toolbar and panels the open flow's session (save status, library, conflicts) and the way to leave it.
import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { FlowSession, SessionState } from "./session";

export interface SessionContextValue {
  readonly session: FlowSession;
  /** Re-opens the flow from the library (after "reload theirs" or a restore elsewhere). */
  readonly reload: () => void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue | null {
  return useContext(SessionContext);
}

/** A slice of the open flow's session state; only inside a <SessionContext.Provider>. */
export function useSessionState<T>(session: FlowSession, selector: (state: SessionState) => T): T {
  return useStore(session.state, selector);
}
