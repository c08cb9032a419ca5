// All validation issues of the document (for the issues panel).
import { useDesigner } from "./context";
import type { DesignerState } from "./store";
import type { Validation } from "./validation";

const validationSelector = (s: DesignerState): Validation => s.validation;

export function useValidation(): Validation {
  return useDesigner(validationSelector);
}
