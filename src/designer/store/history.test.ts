// The undo history: steps, marks that fold many changes into one step, redo, and the store's change/undo/redo on a real flow.
import { describe, expect, it } from "vitest";
import { createHistory } from "./history";
import { createDesignerStore } from "./store";
import { emptyFlow } from "../document";

const p = (value: number) => [{ op: "replace" as const, path: ["x"], value }];

describe("history", () => {
  it("undoes and redoes steps in order", () => {
    const h = createHistory();
    h.record(p(1), p(0));
    h.record(p(2), p(1));
    expect(h.undo()).toEqual(p(1));
    expect(h.undo()).toEqual(p(0));
    expect(h.undo()).toBeNull();
    expect(h.redo()).toEqual(p(1));
    expect(h.canUndo).toBe(true);
    expect(h.canRedo).toBe(true);
  });

  it("folds consecutive changes with the same mark into one step, inverses newest first", () => {
    const h = createHistory();
    h.record(p(1), p(0), "drag:1");
    h.record(p(2), p(1), "drag:1");
    h.record(p(3), p(2), "drag:1");
    expect(h.size).toBe(1);
    expect(h.undo()).toEqual([...p(2), ...p(1), ...p(0)]);
    expect(h.redo()).toEqual([...p(1), ...p(2), ...p(3)]);
  });

  it("starts a new step for another mark, an unmarked change, after seal and after undo", () => {
    const h = createHistory();
    h.record(p(1), p(0), "a");
    h.record(p(2), p(1), "b");
    h.record(p(3), p(2));
    h.record(p(4), p(3), "b");
    expect(h.size).toBe(4);
    h.seal();
    h.record(p(5), p(4), "b");
    expect(h.size).toBe(5);
    h.undo();
    h.record(p(6), p(4), "b");
    expect(h.size).toBe(5);
    expect(h.canRedo).toBe(false);
  });

  it("ignores empty changes and keeps at most `limit` steps", () => {
    const h = createHistory(3);
    h.record([], []);
    expect(h.canUndo).toBe(false);
    for (let i = 1; i <= 5; i++) h.record(p(i), p(i - 1));
    expect(h.size).toBe(3);
  });
});

describe("store change / undo / redo", () => {
  const addNode =
    (id: string, x = 0) =>
    (d: { nodes: unknown[] }) => {
      d.nodes.push({ id, type: "trigger", config: { sources: [] }, position: { x, y: 0 } });
    };

  it("a drag of many frames is one undo step", () => {
    const store = createDesignerStore(emptyFlow());
    store.getState().change(addNode("n1"), { history: "record" });
    for (let x = 1; x <= 60; x++) {
      store.getState().change(
        (d) => {
          const n = d.nodes[0];
          if (n) n.position = { x, y: x };
        },
        { history: "record", mark: "drag:1" },
      );
    }
    expect(store.getState().flow.nodes[0]?.position).toEqual({ x: 60, y: 60 });
    store.getState().undo();
    expect(store.getState().flow.nodes[0]?.position).toEqual({ x: 0, y: 0 });
    store.getState().undo();
    expect(store.getState().flow.nodes).toHaveLength(0);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().flow.nodes[0]?.position).toEqual({ x: 60, y: 60 });
  });

  it("ignored changes are kept but not undoable; selection of removed nodes is dropped", () => {
    const store = createDesignerStore(emptyFlow());
    store.getState().change(addNode("n1"), { history: "record" });
    store.getState().change(
      (d) => {
        d.ui = { viewport: { x: 5, y: 6, zoom: 2 } };
      },
      { history: "ignore" },
    );
    store.getState().select({ nodes: ["n1"] });
    store.getState().undo();
    expect(store.getState().flow.nodes).toHaveLength(0);
    expect(store.getState().flow.ui).toEqual({ viewport: { x: 5, y: 6, zoom: 2 } });
    expect(store.getState().selection.nodes).toEqual([]);
    expect(store.getState().canUndo).toBe(false);
    expect(store.getState().canRedo).toBe(true);
  });

  it("changing the selection ends a typing group", () => {
    const store = createDesignerStore(emptyFlow());
    const rename = (name: string) =>
      store.getState().change(
        (d) => {
          d.name = name;
        },
        { history: "record", mark: "name" },
      );
    rename("A");
    rename("AB");
    store.getState().select({ nodes: ["x"] });
    rename("ABC");
    store.getState().undo();
    expect(store.getState().flow.name).toBe("AB");
    store.getState().undo();
    expect(store.getState().flow.name).toBe("");
  });

  it("validates live: a flow without a trigger has an error, and adding one clears it", () => {
    const store = createDesignerStore(emptyFlow());
    expect(store.getState().validation.issues.map((i) => i.code)).toContain("flow.no_trigger");
    store.getState().change(addNode("n1"), { history: "record" });
    expect(store.getState().validation.issues).toEqual([]);
  });
});
