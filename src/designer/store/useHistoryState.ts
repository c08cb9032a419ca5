// Whether undo and redo are possible (for the toolbar buttons).
import { useShallow } from "zustand/react/shallow";
import { useDesigner } from "./context";
import type { DesignerState } from "./store";

const historySelector = (s: DesignerState) => ({ canUndo: s.canUndo, canRedo: s.canRedo });

export function useHistoryState(): { canUndo: boolean; canRedo: boolean } {
  return useDesigner(useShallow(historySelector));
}
