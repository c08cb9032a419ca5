// The memory store: known outcomes first, one transaction at a time, copies in and out, a version per committed write.
import { describe, expect, it } from "vitest";
import { type Outcome, emptyState, type FlowState } from "../../engine";
import { MemoryStore } from "./memory";

const outcome = (id: string, owner: string): Outcome => ({ id, status: "assigned", owner, team: "t", path: ["t", "r"], notifications: [] });
const stateWith = (n: number): FlowState => ({ ...emptyState(), nodes: { r: { n } } });

describe("MemoryStore", () => {
  it("hands the decision the stored state and the outcomes already known, and keeps the first outcome of an id", async () => {
    const store = new MemoryStore();
    await store.transact("f", ["a"], () => ({ state: stateWith(1), outcomes: new Map([["a", outcome("a", "ann")]]) }));
    const seen: unknown[] = [];
    const r = await store.transact("f", ["a", "b"], (state, known) => {
      seen.push(state, [...known.keys()]);
      return {
        state: stateWith(2),
        outcomes: new Map([
          ["a", outcome("a", "bob")],
          ["b", outcome("b", "bob")],
        ]),
      };
    });
    expect(seen).toEqual([stateWith(1), ["a"]]);
    expect(r.known.get("a")?.owner).toBe("ann");
    const after = await store.transact("f", ["a"], (_s, known) => {
      expect(known.get("a")?.owner).toBe("ann");
      return null;
    });
    expect(after).toMatchObject({ written: null, version: 2, attempts: 1 });
  });

  it("runs transactions one at a time, in call order", async () => {
    const store = new MemoryStore();
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3].map((i) =>
        store.transact("f", [], (state) => {
          order.push(i);
          const n = ((state?.nodes.r as { n?: number } | undefined)?.n ?? 0) + 1;
          return { state: stateWith(n), outcomes: new Map() };
        }),
      ),
    );
    expect(order).toEqual([1, 2, 3]);
    expect(await store.readState("f")).toEqual({ state: stateWith(3), version: 3 });
  });

  it("keeps flows apart and copies what it stores", async () => {
    const store = new MemoryStore();
    const mine = stateWith(1);
    await store.transact("f", [], () => ({ state: mine, outcomes: new Map() }));
    (mine.nodes.r as { n: number }).n = 99;
    expect((await store.readState("f")).state).toEqual(stateWith(1));
    expect(await store.readState("other")).toEqual({ state: undefined, version: 0 });
  });

  it("lets a failing decision fail only its own transaction", async () => {
    const store = new MemoryStore();
    await expect(
      store.transact("f", [], () => {
        throw new Error("bug");
      }),
    ).rejects.toThrow("bug");
    expect((await store.transact("f", [], () => ({ state: stateWith(1), outcomes: new Map() }))).version).toBe(1);
  });

  it("forgets a first outcome after the retention, so the id routes again; younger ones stay", async () => {
    let now = 0;
    const store = new MemoryStore({ retentionMs: 1_000, now: () => now });
    const first = outcome("a", "ann");
    await store.transact("f", ["a"], (state) => ({ state, outcomes: new Map([["a", first]]) }));
    now = 600;
    await store.transact("f", ["b"], (state) => ({ state, outcomes: new Map([["b", { ...first, id: "b" }]]) }));
    now = 1_200;
    expect((await store.readLead("f", "a")).outcome).toBeUndefined();
    expect((await store.readLead("f", "b")).outcome).toEqual({ ...first, id: "b" });
    const again = await store.transact("f", ["a", "b"], () => null);
    expect([...again.known.keys()]).toEqual(["b"]);
  });
});
