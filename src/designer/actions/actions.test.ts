// Designer actions on a real store: add after the selection (auto-wired by the engine's rules), delete, copy/paste/duplicate, auto-layout.
import { describe, expect, it } from "vitest";
import { validateFlow } from "../../engine";
import { emptyFlow } from "../document";
import { createDesignerStore } from "../store/store";
import { addNodeAfterPort, addNodeAfterSelection, addNodeAt } from "./addNode";
import { computeLayout } from "./autoLayout";
import { copySelection, duplicateSelection, paste } from "./clipboard";
import { deleteSelection, selectAll } from "./deleteSelection";

function chain() {
  const store = createDesignerStore(emptyFlow("f"));
  addNodeAt(store, "trigger", { x: 0, y: 0 });
  addNodeAfterSelection(store, "filter", { x: 0, y: 0 });
  addNodeAfterSelection(store, "notify", { x: 0, y: 0 });
  return store;
}

describe("add node", () => {
  it("adds after the selected node, wired from its primary output, and selects it", () => {
    const store = chain();
    const { flow, selection } = store.getState();
    expect(flow.nodes.map((n) => [n.id, n.type])).toEqual([
      ["n1", "trigger"],
      ["n2", "filter"],
      ["n3", "notify"],
    ]);
    expect(flow.edges).toEqual([
      { id: "e1", source: "n1", sourcePort: "out", target: "n2" },
      { id: "e2", source: "n2", sourcePort: "pass", target: "n3" },
    ]);
    expect(selection.nodes).toEqual(["n3"]);
    expect(flow.nodes[1]?.position?.x).toBeGreaterThan(flow.nodes[0]?.position?.x ?? 0);
  });

  it("wires only from the primary port: never from fail or unassigned, and never into a trigger", () => {
    const store = chain();
    // n2's pass is taken: the new node is placed but not wired to fail.
    store.getState().select({ nodes: ["n2"] });
    addNodeAfterSelection(store, "route", { x: 0, y: 0 });
    expect(store.getState().flow.edges.filter((e) => e.target === "n4")).toEqual([]);
    // After a route: assigned, even though unassigned comes free too.
    store.getState().select({ nodes: ["n4"] });
    addNodeAfterSelection(store, "cap", { x: 0, y: 0 });
    expect(store.getState().flow.edges.filter((e) => e.target === "n5")).toEqual([
      { id: "e3", source: "n4", sourcePort: "assigned", target: "n5" },
    ]);
    store.getState().select({ nodes: ["n4"] });
    addNodeAfterSelection(store, "notify", { x: 0, y: 0 });
    expect(store.getState().flow.edges.filter((e) => e.source === "n4")).toHaveLength(1);
    store.getState().select({ nodes: ["n3"] });
    addNodeAfterSelection(store, "trigger", { x: 0, y: 0 });
    expect(store.getState().flow.edges.filter((e) => e.target === "n7")).toEqual([]);
    store.getState().select({ nodes: ["n3"] });
    addNodeAfterSelection(store, "trigger", { x: 0, y: 0 });
    expect(store.getState().flow.edges.filter((e) => e.target === "n6")).toEqual([]);
  });

  it("adds after a chosen port (the + on a port): wired from that port, placed right of it, selected", () => {
    const store = chain();
    const id = addNodeAfterPort(store, "n2", "fail", "notify");
    const { flow, selection } = store.getState();
    expect(flow.edges.at(-1)).toEqual({ id: "e3", source: "n2", sourcePort: "fail", target: id });
    expect(selection.nodes).toEqual([id]);
    const added = flow.nodes.find((n) => n.id === id);
    expect(added?.position?.x).toBeGreaterThan(flow.nodes[1]?.position?.x ?? 0);
    // Not on top of n3 (which follows pass).
    expect(added?.position).not.toEqual(flow.nodes[2]?.position);
  });

  it("each add is one undo step (node and its edge together)", () => {
    const store = chain();
    store.getState().undo();
    expect(store.getState().flow.nodes).toHaveLength(2);
    expect(store.getState().flow.edges).toHaveLength(1);
  });
});

describe("delete", () => {
  it("removes the selected nodes with their edges in one undoable step", () => {
    const store = chain();
    store.getState().select({ nodes: ["n2"] });
    deleteSelection(store);
    expect(store.getState().flow.nodes.map((n) => n.id)).toEqual(["n1", "n3"]);
    expect(store.getState().flow.edges).toEqual([]);
    store.getState().undo();
    expect(store.getState().flow.edges).toHaveLength(2);
  });

  it("removes selected edges only", () => {
    const store = chain();
    store.getState().select({ nodes: [], edges: ["e1"] });
    deleteSelection(store);
    expect(store.getState().flow.nodes).toHaveLength(3);
    expect(store.getState().flow.edges.map((e) => e.id)).toEqual(["e2"]);
  });
});

describe("clipboard", () => {
  it("pastes the copied nodes and the edges between them under new ids, offset and selected", () => {
    const store = chain();
    store.getState().select({ nodes: ["n2", "n3"] });
    expect(copySelection(store)).toBe(true);
    paste(store);
    const { flow, selection } = store.getState();
    expect(selection.nodes).toEqual(["n4", "n5"]);
    expect(flow.edges.at(-1)).toEqual({ id: "e3", source: "n4", sourcePort: "pass", target: "n5" });
    expect(flow.nodes[3]?.position?.x).toBe((flow.nodes[1]?.position?.x ?? 0) + 40);
    paste(store);
    expect(store.getState().flow.nodes[5]?.position?.x).toBe((flow.nodes[1]?.position?.x ?? 0) + 80);
    expect(validateFlow(store.getState().flow).filter((i) => i.code === "doc.duplicate_id")).toEqual([]);
  });

  it("gives pasted copies their own labels", () => {
    const store = createDesignerStore(emptyFlow("f"));
    addNodeAt(store, "route", { x: 0, y: 0 }, "Route");
    copySelection(store);
    paste(store);
    paste(store);
    expect(store.getState().flow.nodes.map((n) => n.label)).toEqual(["Route", "Route 2", "Route 3"]);
  });

  it("duplicates without touching the clipboard, as one undo step", () => {
    const store = chain();
    selectAll(store);
    duplicateSelection(store);
    expect(store.getState().flow.nodes).toHaveLength(6);
    expect(store.getState().flow.edges).toHaveLength(4);
    store.getState().undo();
    expect(store.getState().flow.nodes).toHaveLength(3);
  });
});

describe("auto-layout", () => {
  it("lays nodes out left to right along the edges", async () => {
    const store = chain();
    const positions = await computeLayout(store.getState().flow, new Map());
    const x = (id: string) => positions.get(id)?.x ?? Number.NaN;
    expect(x("n1")).toBeLessThan(x("n2"));
    expect(x("n2")).toBeLessThan(x("n3"));
  });
});
