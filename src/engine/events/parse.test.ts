import { describe, expect, it } from "vitest";
import { parseEvents, parseEventsCsv, parseEventsJson } from "./parse";

describe("reading events", () => {
  it("reads a CSV with the documented columns, in any case and order", () => {
    const csv =
      "Lead,TYPE,at,by,reason,value,id\nL1,touched,2026-12-07T09:12:00Z,ann,,,ev-1\nL2,rejected,2026-12-07 10:00,bob,not my territory,,ev-2\nL3,converted,2026-12-08T09:00:00Z,ann,,1200,ev-3\n";
    const { events, warnings } = parseEventsCsv(csv);
    expect(warnings).toEqual([]);
    expect(events).toEqual([
      { id: "ev-1", lead: "L1", type: "touched", at: Date.parse("2026-12-07T09:12:00Z"), by: "ann" },
      { id: "ev-2", lead: "L2", type: "rejected", at: expect.any(Number), by: "bob", reason: "not my territory" },
      { id: "ev-3", lead: "L3", type: "converted", at: Date.parse("2026-12-08T09:00:00Z"), by: "ann", value: 1200 },
    ]);
  });

  it("warns per row for an unknown type, an unparseable time and a missing lead, and keeps every other row", () => {
    const csv =
      "id,lead,type,at\ne1,L1,called,2026-12-07T09:00:00Z\ne2,L1,touched,next tuesday\ne3,,touched,2026-12-07T09:00:00Z\ne4,L1,touched,2026-12-07T09:00:00Z\n";
    const { events, warnings } = parseEvents(csv);
    expect(events.map((e) => e.id)).toEqual(["e4"]);
    expect(warnings.map((w) => [w.row, w.code])).toEqual([
      [1, "events.unknown_type"],
      [2, "events.bad_time"],
      [3, "events.missing_lead"],
    ]);
    expect(warnings[0]?.message).toBe('Row 1: "called" is not an event type (touched, converted, closed or rejected); it was skipped.');
    expect(parseEvents(csv, "zh-CN").warnings[1]?.message).toBe("第 2 行：“next tuesday”不是日期时间，该事件已跳过。");
  });

  it("reads a JSON array and gives an event without an id one made of its content (same file twice, same ids)", () => {
    const json = JSON.stringify([{ lead: "L1", type: "closed", at: "2026-12-07T09:00:00Z" }, 5]);
    const first = parseEventsJson(json);
    expect(first.events[0]?.id).toBe("L1|closed|2026-12-07T09:00:00.000Z|");
    expect(parseEventsJson(json).events).toEqual(first.events);
    expect(first.warnings.map((w) => w.code)).toEqual(["events.not_an_event"]);
    expect(parseEvents("{ nope").warnings[0]?.code).toBe("events.not_json");
  });
});
