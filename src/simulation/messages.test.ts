import { describe, expect, it } from "vitest";
import { translate } from "../engine";
import { simulationMessages } from "./messages";

describe("simulation messages", () => {
  it("has every text in both languages, with the same placeholders", () => {
    const en = simulationMessages.en;
    const zh: Record<string, string> = simulationMessages["zh-CN"];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const holes = (t: string) => (t.match(/\{\w+\}/g) ?? []).sort();
    for (const [code, text] of Object.entries(en)) expect(holes(zh[code] ?? ""), code).toEqual(holes(text));
  });

  it("renders progress in the user's language", () => {
    expect(translate("sim.progress", { done: 5000, total: 9240, rate: 41000 }, "en")).toBe("5000 of 9240 leads · 41000 leads/s");
    expect(translate("sim.progress", { done: 5000, total: 9240, rate: 41000 }, "zh-CN")).toBe("已处理 5000 / 9240 条线索 · 每秒 41000 条");
  });
});
