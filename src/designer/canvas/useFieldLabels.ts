// Field keys → labels for describing conditions in words (recomputed only when the flow's fields change).
import { useMemo } from "react";
import type { FieldDef } from "../../engine";
import { useDesigner } from "../store/context";
import type { DesignerState } from "../store/store";

const fieldsSelector = (s: DesignerState): readonly FieldDef[] => s.flow.fields;

export function useFieldLabels(): ReadonlyMap<string, string> {
  const fields = useDesigner(fieldsSelector);
  return useMemo(() => new Map(fields.map((f) => [f.key, f.label?.trim() || f.key])), [fields]);
}
