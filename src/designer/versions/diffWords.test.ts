// The version diff in words: a manager reads which step changed, what in it, and its new and old values — no JSON paths.
import { describe, expect, it } from "vitest";
import type { Flow } from "../../engine";
import { translate } from "../../i18n/catalogue";
import { diffFlows } from "../../storage";
import { templateById } from "../../templates";
import { changeLines, namesOf } from "./diffWords";

const te = (lang: "en" | "zh-CN") => (code: string, params?: Parameters<typeof translate>[1]) => translate(code, params ?? {}, lang);

function edited(): { before: Flow; after: Flow } {
  const before = templateById("value-tiers")?.flowFor("en");
  if (!before) throw new Error("template missing");
  const after = structuredClone(before) as Flow;
  const score = after.nodes.find((n) => n.id === "score");
  if (score?.type !== "score" || !score.config.grades) throw new Error("score node missing");
  (score.config.grades.bands[0] as { min?: number }).min = 40;
  const team = after.teams[0];
  const member = team?.members[0];
  if (!member) throw new Error("team missing");
  member.weight = 3;
  after.name = "Value tiers 2";
  return { before, after };
}

const lines = (lang: "en" | "zh-CN") => {
  const { before, after } = edited();
  const diff = diffFlows(before, after);
  const named = namesOf(before, after, (n) => n.label ?? n.id, te(lang));
  const node = diff.nodes.changed[0];
  const team = diff.teams.changed[0];
  if (!node || !team) throw new Error("no change found");
  return {
    node: `${named.nodeName(node.id)}: ${changeLines(
      before.nodes.find((n) => n.id === node.id),
      after.nodes.find((n) => n.id === node.id),
      node.paths,
      te(lang),
    ).join("; ")}`,
    team: changeLines(
      before.teams.find((x) => x.id === team.id),
      after.teams.find((x) => x.id === team.id),
      team.paths,
      te(lang),
    ),
    doc: changeLines(before, after, diff.document, te(lang)),
    member: after.teams[0]?.members[0]?.name ?? "",
  };
};

describe("version diff in words", () => {
  it("names the step, the grade band and both values (English)", () => {
    const l = lines("en");
    expect(l.node).toBe("Lead score and grade: grades › grade band “A” › from now 40 (was 60)");
    expect(l.team).toEqual([`member “${l.member}” › weight now 3 (was nothing)`]);
    expect(l.doc).toEqual(["name now “Value tiers 2” (was “Value tiers (score → grade → senior reps)”)"]);
  });

  it("says the same in 简体中文, without a JSON path", () => {
    const l = lines("zh-CN");
    expect(l.node).toBe("Lead score and grade: 等级 › 等级区间 “A” › 起点 现为 40（原为 60）");
    for (const line of [l.node, ...l.team, ...l.doc]) expect(line).not.toMatch(/config\.|\[\d+\]|\[id=/);
  });
});
