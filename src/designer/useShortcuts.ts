// Runs the shortcut table's actions on keydown anywhere in the designer, except while typing in a text box.
import { useEffect } from "react";
import { copySelection, duplicateSelection, paste } from "./actions/clipboard";
import { selectAll } from "./actions/deleteSelection";
import { isTextTarget, shortcutFor, type ShortcutAction } from "./shortcuts";
import type { DesignerStore } from "./store/store";

/** `onDelete` deletes the selection (asking first when it is large). */
export function useShortcuts(store: DesignerStore, openHelp: () => void, onDelete: () => void): void {
  useEffect(() => {
    const run: Record<ShortcutAction, () => unknown> = {
      undo: () => store.getState().undo(),
      redo: () => store.getState().redo(),
      delete: onDelete,
      copy: () => copySelection(store),
      paste: () => paste(store),
      duplicate: () => duplicateSelection(store),
      selectAll: () => selectAll(store),
      clear: () => {
        store.getState().select({ nodes: [], edges: [] });
        store.getState().showNotice(null);
      },
      help: openHelp,
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTextTarget(event.target)) return;
      if (event.target instanceof Element && event.target.closest('dialog, [role="dialog"]')) return;
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      run[action]();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [store, openHelp, onDelete]);
}
