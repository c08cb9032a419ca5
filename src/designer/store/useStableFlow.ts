// The document as forms need it: a new object only when something other than positions or the viewport changed (drags do not re-render forms).
import { useCallback, useRef } from "react";
import type { Flow } from "../../engine";
import { useDesigner } from "./context";
import type { DesignerState } from "./store";
import { sameParts, semanticParts } from "./validation";

export function useStableFlow(): Flow {
  const last = useRef<{ parts: unknown[]; flow: Flow } | null>(null);
  const stableFlowSelector = useCallback((s: DesignerState): Flow => {
    const parts = semanticParts(s.flow);
    if (last.current && sameParts(parts, last.current.parts)) return last.current.flow;
    last.current = { parts, flow: s.flow };
    return s.flow;
  }, []);
  return useDesigner(stableFlowSelector);
}
