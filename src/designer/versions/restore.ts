// Puts a version's document into the designer as the draft: ONE undoable change, keeping this tab's viewport.
import type { Flow } from "../../engine";
import type { DesignerStore } from "../store/store";

export function restoreIntoDraft(store: DesignerStore, restored: Flow, version: number): void {
  const state = store.getState();
  const current = state.flow as Flow & { ui?: unknown };
  const next: Record<string, unknown> = { ...restored };
  delete next.ui;
  if (current.ui !== undefined) next.ui = current.ui;
  state.sealHistory();
  state.change(
    (draft) => {
      const target = draft as unknown as Record<string, unknown>;
      for (const key of Object.keys(target)) if (!(key in next)) delete target[key];
      Object.assign(target, structuredClone(next));
    },
    { history: "record", mark: `restore:${version}` },
  );
  state.sealHistory();
}
