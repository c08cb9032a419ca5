// The selected node and edge ids.
import { useDesigner } from "./context";
import type { DesignerState, Selection } from "./store";

const selectionSelector = (s: DesignerState): Selection => s.selection;

export function useSelection(): Selection {
  return useDesigner(selectionSelector);
}
