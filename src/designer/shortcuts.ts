// The designer's keyboard shortcuts: one table, matched on keydown outside text boxes (the help panel lists the same table).
import type { UiKey } from "../i18n/en";

export type ShortcutAction = "undo" | "redo" | "delete" | "copy" | "paste" | "duplicate" | "selectAll" | "clear" | "help";

export interface Shortcut {
  readonly action: ShortcutAction;
  readonly keys: readonly string[];
  readonly help: UiKey;
}

/** `Mod` is Ctrl, or ⌘ on a Mac. */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: "undo", keys: ["Mod+Z"], help: "help.undo" },
  { action: "redo", keys: ["Shift+Mod+Z", "Mod+Y"], help: "help.redo" },
  { action: "delete", keys: ["Delete", "Backspace"], help: "help.delete" },
  { action: "copy", keys: ["Mod+C"], help: "help.copy" },
  { action: "paste", keys: ["Mod+V"], help: "help.paste" },
  { action: "duplicate", keys: ["Mod+D"], help: "help.duplicate" },
  { action: "selectAll", keys: ["Mod+A"], help: "help.selectAll" },
  { action: "clear", keys: ["Escape"], help: "help.clear" },
  { action: "help", keys: ["?"], help: "help.help" },
];

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

function matches(combo: string, e: KeyLike): boolean {
  const parts = combo.split("+");
  const key = parts[parts.length - 1] ?? "";
  const mod = parts.includes("Mod");
  const shift = parts.includes("Shift");
  if (e.altKey) return false;
  if (mod !== (e.ctrlKey || e.metaKey)) return false;
  // "?" is typed with Shift on most layouts; letters compare without case.
  if (key === "?") return e.key === "?";
  if (shift !== e.shiftKey) return false;
  return e.key.length === 1 ? e.key.toLowerCase() === key.toLowerCase() : e.key === key;
}

export function shortcutFor(e: KeyLike): ShortcutAction | null {
  for (const s of SHORTCUTS) if (s.keys.some((k) => matches(k, e))) return s.action;
  return null;
}

/** Keys typed into a text box, a select or the expression editor belong to that control, not to the canvas. */
export function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], .monaco-editor")) {
    const input = target instanceof HTMLInputElement ? target : null;
    // Checkboxes and buttons typed as input take no text: shortcuts still apply there.
    return !input || !["checkbox", "radio", "button", "submit", "range", "color"].includes(input.type);
  }
  return false;
}

/** How a combination is shown: ⌘ on a Mac, Ctrl elsewhere. */
export function displayKeys(combo: string, mac: boolean): string {
  return combo.replace("Mod", mac ? "⌘" : "Ctrl").replace("Shift", mac ? "⇧" : "Shift");
}
