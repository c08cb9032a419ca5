import { describe, expect, it } from "vitest";
import { translate } from "./messages";

describe("simulation messages", () => {
  it("renders progress in the user's language", () => {
    expect(translate("sim.progress", { done: 5000, total: 9240, rate: 41000 }, "en")).toBe("5000 of 9240 leads · 41000 leads/s");
    expect(translate("sim.progress", { done: 5000, total: 9240, rate: 41000 }, "zh-CN")).toBe("已处理 5000 / 9240 条线索 · 每秒 41000 条");
  });
});
