// The message shown on the spot near the canvas (e.g. why a connection was refused).
import { useDesigner } from "./context";
import type { DesignerState, Notice } from "./store";

const noticeSelector = (s: DesignerState): Notice | null => s.notice;

export function useNotice(): Notice | null {
  return useDesigner(noticeSelector);
}
