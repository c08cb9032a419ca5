// The designer's store: the flow document, selection and view state; every document edit goes through `change` (immer patches → history).
import { applyPatches, enablePatches, produceWithPatches, type Draft } from "immer";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { Flow } from "../../engine";
import { createHistory, type History } from "./history";
import { createLiveValidator, type Validation } from "./validation";

enablePatches();

export type HistoryMode = "record" | "ignore";
export interface ChangeOptions {
  /** "record": one undoable step (or part of the step with the same mark); "ignore": not undoable (viewport). */
  readonly history: HistoryMode;
  /** Consecutive recorded changes with the same mark are one undo step. */
  readonly mark?: string;
}
export type Recipe = (draft: Draft<Flow>) => void;

export interface Selection {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}
export interface Size {
  readonly width: number;
  readonly height: number;
}
export interface Notice {
  readonly id: number;
  readonly message: string;
}

export interface DesignerState {
  readonly flow: Flow;
  readonly selection: Selection;
  /** Rendered node sizes reported by the canvas (view state, never in the document or the history). */
  readonly measured: ReadonlyMap<string, Size>;
  readonly validation: Validation;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** A message shown on the spot near the canvas (a refused connection). */
  readonly notice: Notice | null;
  readonly change: (recipe: Recipe, options: ChangeOptions) => void;
  readonly undo: () => void;
  readonly redo: () => void;
  readonly select: (selection: Partial<Selection>) => void;
  readonly setMeasured: (sizes: readonly (readonly [string, Size])[]) => void;
  readonly showNotice: (message: string | null) => void;
  /** Opens another document: new history, empty selection. */
  readonly replaceFlow: (flow: Flow) => void;
  /** Ends the current mark group (the next edit is a new undo step). */
  readonly sealHistory: () => void;
}

export type DesignerStore = StoreApi<DesignerState>;

const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };

function pruneSelection(selection: Selection, flow: Flow): Selection {
  const nodes = selection.nodes.filter((id) => flow.nodes.some((n) => n.id === id));
  const edges = selection.edges.filter((id) => flow.edges.some((e) => e.id === id));
  return nodes.length === selection.nodes.length && edges.length === selection.edges.length ? selection : { nodes, edges };
}

export function createDesignerStore(initial: Flow, history: History = createHistory()): DesignerStore {
  const validate = createLiveValidator();
  let noticeId = 0;

  return createStore<DesignerState>()((set, get) => {
    const commit = (flow: Flow) =>
      set((s) => ({
        flow,
        validation: validate(flow),
        selection: pruneSelection(s.selection, flow),
        canUndo: history.canUndo,
        canRedo: history.canRedo,
      }));

    return {
      flow: initial,
      selection: EMPTY_SELECTION,
      measured: new Map(),
      validation: validate(initial),
      canUndo: false,
      canRedo: false,
      notice: null,
      change(recipe, options) {
        const [next, patches, inverse] = produceWithPatches(get().flow, recipe);
        if (patches.length === 0) return;
        if (options.history === "record") history.record(patches, inverse, options.mark);
        commit(next);
      },
      undo() {
        const patches = history.undo();
        if (patches) commit(applyPatches(get().flow, patches));
      },
      redo() {
        const patches = history.redo();
        if (patches) commit(applyPatches(get().flow, patches));
      },
      select(selection) {
        const current = get().selection;
        const next = { nodes: selection.nodes ?? current.nodes, edges: selection.edges ?? current.edges };
        if (next.nodes.join("\u0000") === current.nodes.join("\u0000") && next.edges.join("\u0000") === current.edges.join("\u0000"))
          return;
        history.seal();
        set({ selection: next });
      },
      setMeasured(sizes) {
        const measured = new Map(get().measured);
        let changed = false;
        for (const [id, size] of sizes) {
          const old = measured.get(id);
          if (old && old.width === size.width && old.height === size.height) continue;
          measured.set(id, size);
          changed = true;
        }
        if (changed) set({ measured });
      },
      showNotice(message) {
        set({ notice: message === null ? null : { id: ++noticeId, message } });
      },
      replaceFlow(flow) {
        history.clear();
        set({ flow, validation: validate(flow), selection: EMPTY_SELECTION, canUndo: false, canRedo: false, notice: null });
      },
      sealHistory() {
        history.seal();
      },
    };
  });
}
