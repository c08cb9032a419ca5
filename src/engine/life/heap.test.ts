import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TimerHeap, type Timer } from "./heap";

describe("timer heap", () => {
  it("pops timers by due time, then by the lead's entry order", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ t: fc.integer({ min: 0, max: 20 }), seq: fc.integer({ min: 0, max: 50 }) })), (items) => {
        const heap = new TimerHeap();
        const timers: Timer[] = items.map((x, i) => ({ ...x, id: `L${i}` }));
        for (const x of timers) heap.push(x);
        const out: Timer[] = [];
        for (let x = heap.pop(); x; x = heap.pop()) out.push(x);
        const key = (x: Timer) => [x.t, x.seq];
        expect(out.map(key)).toEqual([...timers].sort((a, b) => a.t - b.t || a.seq - b.seq).map(key));
      }),
    );
  });
});
