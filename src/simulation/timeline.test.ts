// A lead's timeline in plain words, in the flow's time zone, EN and 简体中文; follow-up figures compared between two runs.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { compileFlow, loadFlow, type Flow } from "../engine";
import { compareFollowUp } from "./follow-up-compare";
import { timelineWords } from "./timeline";

const flow: Flow = loadFlow(JSON.parse(readFileSync(new URL("../../test/fixtures/speed-to-lead.flow.json", import.meta.url), "utf8")));
const names = new Map(flow.teams[0]!.members.map((m) => [m.id, m.name]));
// Monday 7 December 2026, 09:02 in Berlin (UTC+1).
const lead = { id: "L1", createdAt: "2026-12-07T08:02:00Z", company: "Acme" };

describe("timeline in plain words", () => {
  it("tells the breach, the reassignment and the second owner's call", () => {
    const events = [{ lead: "L1", type: "touched", at: "2026-12-07T08:21:00Z", by: "bob" }];
    const run = compileFlow(flow).run([lead], { events, now: "2026-12-08T00:00:00Z" });
    const o = run.outcomes[0]!;
    expect(timelineWords(o, flow, names, "en")).toBe(
      "Mon 7 Dec 09:02 assigned to Ann · 09:12 reminder to Ann · 09:17 no first contact in 15 min · reassigned to Bob · 09:21 Bob called · first contact in time",
    );
    const zh = timelineWords(o, flow, names, "zh-CN");
    expect(zh).toContain("09:02 分配给 Ann");
    expect(zh).toContain("09:17 15 分钟内未首次联系 · 改派给 Bob · 09:21 Bob 已联系");
  });

  it("says until when a lead still waits, and a rejection with its reason", () => {
    const waiting = compileFlow(flow).run([lead], { now: "2026-12-07T08:05:00Z" }).outcomes[0]!;
    expect(timelineWords(waiting, flow, names, "en")).toBe("Mon 7 Dec 09:02 assigned to Ann · waiting for a first contact until 09:17");
    const events = [{ lead: "L1", type: "rejected", at: "2026-12-07T08:04:00Z", by: "ann", reason: "not my territory" }];
    const rejected = compileFlow(flow).run([lead], { events, now: "2026-12-07T08:05:00Z" }).outcomes[0]!;
    expect(timelineWords(rejected, flow, names, "en")).toContain("09:04 Ann rejected it (not my territory)");
  });

  it("compares follow-up figures of two runs", () => {
    const events = [{ lead: "L1", type: "touched", at: "2026-12-07T08:05:00Z", by: "ann" }];
    const slow = compileFlow(flow).run([lead], { now: "2026-12-08T00:00:00Z" });
    const fast = compileFlow(flow).run([lead], { events, now: "2026-12-08T00:00:00Z" });
    const rows = compareFollowUp(slow.summary, fast.summary)!;
    expect(rows.find((r) => r.measure === "met")).toEqual({ measure: "met", before: 0, after: 1, delta: 1 });
    expect(rows.find((r) => r.measure === "breached")?.delta).toBe(-2);
    expect(rows.find((r) => r.measure === "median")).toEqual({ measure: "median", before: null, after: 3, delta: null });
  });
});
