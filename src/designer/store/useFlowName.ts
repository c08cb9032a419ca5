// The flow's name (for the toolbar).
import { useDesigner } from "./context";
import type { DesignerState } from "./store";

const nameSelector = (s: DesignerState): string => s.flow.name;

export function useFlowName(): string {
  return useDesigner(nameSelector);
}
