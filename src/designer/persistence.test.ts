// The local store of the current flow: a saved flow comes back, a half-edited one too, garbage does not; saves are debounced.
import { describe, expect, it, vi } from "vitest";
import { emptyFlow } from "./document";
import { debouncedSaver, localStoragePersistence, parseSavedFlow } from "./persistence";

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() { return data.size; },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

describe("persistence", () => {
  it("round-trips a flow, keeping unknown top-level keys such as the viewport", () => {
    const p = localStoragePersistence(memoryStorage());
    expect(p.load()).toBeNull();
    const flow = { ...emptyFlow("f1"), ui: { viewport: { x: 1, y: 2, zoom: 1.5 } } };
    p.save(flow);
    expect(p.load()).toEqual(flow);
  });

  it("opens a document that fails the schema (a half-filled form) rather than losing it", () => {
    const half = { ...emptyFlow("f2"), nodes: [{ id: "n1", type: "cap", config: { limit: "", window: "day", scope: "owner" } }] };
    expect(parseSavedFlow(JSON.stringify(half))).toEqual(half);
    expect(parseSavedFlow("not json")).toBeNull();
    expect(parseSavedFlow(JSON.stringify({ hello: 1 }))).toBeNull();
  });

  it("saves once changes pause, at the latest after the maximum wait, and flushes on demand", () => {
    vi.useFakeTimers();
    const saved: string[] = [];
    const saver = debouncedSaver({ load: () => null, save: (f) => void saved.push(f.name) }, 100, 250);
    saver.schedule({ ...emptyFlow(), name: "a" });
    vi.advanceTimersByTime(60);
    saver.schedule({ ...emptyFlow(), name: "b" });
    vi.advanceTimersByTime(60);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(40);
    expect(saved).toEqual(["b"]);
    for (let i = 0; i < 5; i++) {
      saver.schedule({ ...emptyFlow(), name: `d${i}` });
      vi.advanceTimersByTime(60);
    }
    expect(saved).toEqual(["b", "d4"]);
    saver.schedule({ ...emptyFlow(), name: "c" });
    saver.flush();
    expect(saved).toEqual(["b", "d4", "c"]);
    vi.useRealTimers();
  });
});
