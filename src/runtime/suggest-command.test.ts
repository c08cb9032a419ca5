// `leadwire suggest-score` on the X Education export: AUCs, rules and leak warnings printed in both languages, a runnable flow written.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileFlow } from "../engine";
import { loadFlow } from "../engine";
import { parseLeadsCsv } from "../engine/leads";
import { X_EDUCATION_CSV } from "../../test/helpers/x-education";
import { main } from "./cli";

const ROOT = new URL("../../", import.meta.url).pathname;
const FLOW = join(ROOT, "test/fixtures/x-education.flow.json");
const CSV = X_EDUCATION_CSV;
const tmp = mkdtempSync(join(tmpdir(), "leadwire-suggest-"));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("leadwire suggest-score", () => {
  it("prints both AUCs, the rules and why each leaky column is left out, and writes the flow with its new score node", async () => {
    const file = join(tmp, "suggested.json");
    const r = await cli("suggest-score", CSV, "--outcome", "Converted", "--flow", FLOW, "--out", file);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const [, suggested, current] = /suggested (\d\.\d{3}) · current (\d\.\d{3})/.exec(r.out) ?? [];
    expect(Number(suggested)).toBeGreaterThanOrEqual(0.88);
    expect(Number(current)).toBeLessThan(Number(suggested));
    expect(r.out).toMatch(/Rules \((\d|1[0-2])\):/);
    expect(r.out).toMatch(/Tags\n\s+– Gives the outcome away/);
    expect(r.out).not.toMatch(/^ {2}Last Activity$/m);

    const flow = loadFlow(JSON.parse(readFileSync(file, "utf8")));
    const score = flow.nodes.find((n) => n.id === "score");
    expect(score?.type === "score" && score.config.rules.length).toBeLessThanOrEqual(12);
    expect(flow.nodes.map((n) => n.id)).toEqual(loadFlow(JSON.parse(readFileSync(FLOW, "utf8"))).nodes.map((n) => n.id));
    // The written flow runs on the same file, read with its (new) fields, and its scores rank sales first.
    const leads = parseLeadsCsv(readFileSync(CSV, "utf8"), flow.fields, {
      referenceTime: "2026-03-02T10:00:00Z",
      placeholders: ["Select"],
    }).leads;
    const outcomes = compileFlow(flow).run(leads).outcomes;
    const scored = outcomes.filter((o) => typeof o.score === "number");
    // The fixture's filter keeps leads who may not be emailed away from the score.
    expect(scored.length).toBe(leads.filter((l) => l.doNotEmail !== true).length);
    const mean = (conv: boolean) => {
      const s = outcomes.filter((o, i) => typeof o.score === "number" && leads[i]?.converted === conv);
      return s.reduce((a, o) => a + (o.score ?? 0), 0) / s.length;
    };
    expect(mean(true)).toBeGreaterThan(mean(false));
  }, 180_000);

  it("speaks 简体中文 with --lang zh-CN, and without --flow writes a one-step flow", async () => {
    const file = join(tmp, "new.json");
    const r = await cli("suggest-score", CSV, "--outcome", "Converted", "--out", file, "--lang", "zh-CN");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/在未参与学习的线索上的 AUC（5 折，由引擎评分）：建议 0\.\d{3} · 当前 —/);
    expect(r.out).toContain("已排除，可能泄露结果");
    expect(r.out).toMatch(/Tags\n\s+– 泄露结果/);
    const flow = loadFlow(JSON.parse(readFileSync(file, "utf8")));
    expect(flow.nodes.map((n) => n.type)).toEqual(["trigger", "score"]);
  }, 180_000);

  it("refuses a missing or unknown outcome column with exit 2", async () => {
    expect((await cli("suggest-score", CSV)).code).toBe(2);
    const r = await cli("suggest-score", CSV, "--outcome", "Sold");
    expect(r.code).toBe(2);
    expect(r.err).toContain('No column "Sold"');
  });
});
