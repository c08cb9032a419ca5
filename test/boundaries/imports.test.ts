// No import circles: a type-only import counts too, since it still ties two modules' designs together.
import { describe, expect, it } from "vitest";
import { importCircles, importGraph } from "./import-graph";

describe("import graph", () => {
  it("has no circles in src, nodes or the tests' helpers", () => {
    const graph = importGraph(["src", "nodes", "test", "scripts"]);
    expect(graph.size).toBeGreaterThan(300);
    expect(importCircles(graph)).toEqual([]);
  });

  it("finds a circle when there is one", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(importCircles(graph)).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });
});
