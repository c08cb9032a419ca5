// Reading an events file in Leads & Run: bad rows become warnings grouped by kind, with their row numbers; nothing else is dropped.
import { describe, expect, it } from "vitest";
import { groupWarnings, readEventsFile } from "./importEvents";

const CSV = [
  "lead,type,at,by,reason",
  "L1,touched,2026-12-07T09:05:00Z,ann,", // row 1: fine
  "L2,called,2026-12-07T09:06:00Z,ann,", // row 2: unknown type
  "L9,touched,2026-12-07T09:07:00Z,bob,", // row 3: a lead that is not loaded (kept)
  "L3,touched,soon,bob,", // row 4: time not readable
  "L3,rejected,2026-12-07T09:08:00Z,bob,spam", // row 5: fine
].join("\n");

describe("events import", () => {
  it("keeps every usable row, and lists each bad row once under its kind with its row number", () => {
    const read = readEventsFile(CSV, new Set(["L1", "L2", "L3"]), "en");
    expect(read.events.map((e) => [e.lead, e.type])).toEqual([
      ["L1", "touched"],
      ["L9", "touched"],
      ["L3", "rejected"],
    ]);
    const groups = groupWarnings(read.warnings);
    expect([...groups.keys()].sort()).toEqual(["bad_time", "unknown_lead", "unknown_type"]);
    expect(groups.get("unknown_type")!.map((w) => w.row)).toEqual([2]);
    expect(groups.get("unknown_lead")!.map((w) => [w.row, w.message])).toEqual([
      [3, "Row 3: lead L9 is not among the loaded leads; the event is kept in case the leads change."],
    ]);
    expect(groups.get("bad_time")!.map((w) => w.row)).toEqual([4]);
    expect(read.warnings.map((w) => w.row)).toEqual([2, 3, 4]);
  });

  it("says it in Chinese, and checks no leads when none are loaded", () => {
    const zh = readEventsFile(CSV, new Set(["L1"]), "zh-CN");
    expect(
      groupWarnings(zh.warnings)
        .get("unknown_lead")!
        .map((w) => w.message),
    ).toEqual([
      "第 3 行：线索 L9 不在已加载的线索中；该事件仍保留，以备线索变更。",
      "第 5 行：线索 L3 不在已加载的线索中；该事件仍保留，以备线索变更。",
    ]);
    const none = readEventsFile(CSV, null, "en");
    expect(groupWarnings(none.warnings).has("unknown_lead")).toBe(false);
    expect(none.events).toHaveLength(3);
  });
});
