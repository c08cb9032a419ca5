// The old localStorage flow is read back for migration: a saved flow comes back, a half-edited one too, garbage does not.
import { describe, expect, it } from "vitest";
import { emptyFlow } from "./document";
import { CURRENT_FLOW_KEY, parseSavedFlow, readLegacyFlow } from "./persistence";

function memoryStorage(entries: Record<string, string> = {}): Pick<Storage, "getItem"> {
  const data = new Map(Object.entries(entries));
  return { getItem: (k) => data.get(k) ?? null };
}

describe("legacy persistence", () => {
  it("reads the flow the localStorage designer kept, with unknown top-level keys such as the viewport", () => {
    expect(readLegacyFlow(memoryStorage())).toBeNull();
    const flow = { ...emptyFlow("f1"), ui: { viewport: { x: 1, y: 2, zoom: 1.5 } } };
    expect(readLegacyFlow(memoryStorage({ [CURRENT_FLOW_KEY]: JSON.stringify(flow) }))).toEqual(flow);
  });

  it("opens a document that fails the schema (a half-filled form) rather than losing it", () => {
    const half = { ...emptyFlow("f2"), nodes: [{ id: "n1", type: "cap", config: { limit: "", window: "day", scope: "owner" } }] };
    expect(parseSavedFlow(JSON.stringify(half))).toEqual(half);
    expect(parseSavedFlow("not json")).toBeNull();
    expect(parseSavedFlow(JSON.stringify({ hello: 1 }))).toBeNull();
  });
});
