// Undo/redo as a stack of immer patch groups; consecutive changes with the same mark fold into one step (a drag, typing in one box).
import type { Patch } from "immer";

export interface HistoryEntry {
  readonly patches: Patch[];
  readonly inverse: Patch[];
  readonly mark: string | undefined;
}

export interface History {
  /** Records one change; merges it into the previous step when both carry the same mark and nothing was undone since. */
  record(patches: Patch[], inverse: Patch[], mark?: string): void;
  /** The patches that undo the last step (and moves it to the redo stack), or null when there is nothing to undo. */
  undo(): Patch[] | null;
  /** The patches that redo the last undone step, or null. */
  redo(): Patch[] | null;
  /** Ends the current mark group: the next change starts a new step even with the same mark. */
  seal(): void;
  clear(): void;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly size: number;
}

export function createHistory(limit = 500): History {
  let done: HistoryEntry[] = [];
  let undone: HistoryEntry[] = [];
  let sealed = true;

  return {
    record(patches, inverse, mark) {
      if (patches.length === 0) return;
      undone = [];
      const last = done[done.length - 1];
      if (!sealed && mark !== undefined && last && last.mark === mark) {
        // Undoing must replay inverses newest-first, so the new inverses go in front.
        done[done.length - 1] = { patches: [...last.patches, ...patches], inverse: [...inverse, ...last.inverse], mark };
      } else {
        done.push({ patches, inverse, mark });
        if (done.length > limit) done = done.slice(done.length - limit);
      }
      sealed = mark === undefined;
    },
    undo() {
      const entry = done.pop();
      if (!entry) return null;
      undone.push(entry);
      sealed = true;
      return entry.inverse;
    },
    redo() {
      const entry = undone.pop();
      if (!entry) return null;
      done.push(entry);
      sealed = true;
      return entry.patches;
    },
    seal() {
      sealed = true;
    },
    clear() {
      done = [];
      undone = [];
      sealed = true;
    },
    get canUndo() {
      return done.length > 0;
    },
    get canRedo() {
      return undone.length > 0;
    },
    get size() {
      return done.length;
    },
  };
}
