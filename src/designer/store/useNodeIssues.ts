// The validation issues of one node (for the inspector), in the engine's order.
import type { Issue } from "../../engine";
import { useDesigner } from "./context";
import type { DesignerState } from "./store";

const NONE: readonly Issue[] = [];
const issuesSelector =
  (id: string) =>
  (s: DesignerState): readonly Issue[] =>
    s.validation.byNode.get(id) ?? NONE;

export function useNodeIssues(id: string): readonly Issue[] {
  return useDesigner(issuesSelector(id));
}
