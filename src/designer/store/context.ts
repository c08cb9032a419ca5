// Provides the designer store to React; `useDesigner(selector)` re-renders a component only when its selected slice changes.
import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { DesignerState, DesignerStore } from "./store";

export const DesignerStoreContext = createContext<DesignerStore | null>(null);

export function useDesignerStore(): DesignerStore {
  const store = useContext(DesignerStoreContext);
  if (!store) throw new Error("useDesignerStore needs a <DesignerStoreContext.Provider>");
  return store;
}

export function useDesigner<T>(selector: (state: DesignerState) => T): T {
  return useStore(useDesignerStore(), selector);
}
