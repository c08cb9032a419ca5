import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { freshDbName, openLibrary, smallFlow } from "./testing";

describe("lead sets kept with a flow", () => {
  it("keeps a file's text, mapping and outcome column, and gives them back", async () => {
    const lib = openLibrary(freshDbName());
    const { summary } = await lib.create({ from: smallFlow() });
    expect(await lib.leadSets.get(summary.id)).toBeNull();
    const mapping = {
      columnMap: { Ref: "id" },
      placeholders: ["Select"],
      types: { Size: "number" },
      dateOrders: { Signed: "dmy" as const },
    };
    await lib.leadSets.put(summary.id, { kind: "file", name: "crm.csv", text: "Ref,Size\nL-1,3\n", mapping }, "Converted");
    expect(await lib.leadSets.get(summary.id)).toMatchObject({
      flowId: summary.id,
      outcomeField: "Converted",
      source: { kind: "file", name: "crm.csv", text: "Ref,Size\nL-1,3\n", mapping },
    });
  });

  it("replaces generated leads, and goes with the flow when it is deleted for good", async () => {
    const lib = openLibrary(freshDbName());
    const { summary } = await lib.create({ from: smallFlow() });
    const leads = [{ id: "g1", country: "US", tags: ["a"], size: 3, ok: true, none: null }];
    await lib.leadSets.put(summary.id, { kind: "generated", count: 1, seed: 7, leads }, "");
    await lib.leadSets.put(summary.id, { kind: "generated", count: 1, seed: 8, leads }, "");
    expect((await lib.leadSets.get(summary.id))?.source).toEqual({ kind: "generated", count: 1, seed: 8, leads });
    await lib.trash(summary.id);
    expect(await lib.leadSets.get(summary.id)).not.toBeNull();
    await lib.deleteForever(summary.id);
    expect(await lib.leadSets.get(summary.id)).toBeNull();
  });

  it("ignores a row it cannot read instead of failing", async () => {
    const lib = openLibrary(freshDbName());
    await lib.db.leadSets.put({ flowId: "f_x", savedAt: 1, outcomeField: "", source: { kind: "other" } } as never);
    expect(await lib.leadSets.get("f_x")).toBeNull();
  });
});
