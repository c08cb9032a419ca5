// A manager's words: no message table (engine, nodes, runtime, library, simulation, forms, designer; English and 简体中文)
// shows an operator code, a JSON path or a program identifier, and the condition problems a manager meets while building
// render the comparison in words, never its code.
import { describe, expect, it } from "vitest";
import { OPERATORS_BY_TYPE, validateFlow, type Flow, type MessageTable } from "../engine";
import { runtimeTables } from "../runtime/texts";
import { translate, uiTables } from "./catalogue";

const all: readonly MessageTable[] = [...new Set([...uiTables, ...runtimeTables])];
const OPERATOR_CODES = [...new Set(Object.values(OPERATORS_BY_TYPE).flat())];

/** An operator code standing alone (`eq`, `not_in`, `within_last_days`), a JSON path (`config.x`, `[0]`, `$.a`), or an identifier. */
const CODE_LIKE = new RegExp(
  [
    `(?<![\\w-])(${OPERATOR_CODES.filter((op) => !["in", "contains", "between", "matches"].includes(op)).join("|")})(?![\\w-])`,
    String.raw`\bconfig\.\w`,
    String.raw`\w\[\d+\]`,
    String.raw`\$\.\w`,
    String.raw`\b[a-z]+_[a-z_]+\b`,
    String.raw`\b[a-z]+[A-Z]\w*\b`,
  ].join("|"),
);

/** Texts that must name program identifiers, and why. */
const ALLOWED: Readonly<Record<string, string>> = {
  // The expression editor's hint lists the expression language's own function names (startsWith, daysSince …).
  "forms.expr.hint": "function names of the expression language",
  // The service speaks to engineers: they must type this query parameter to confirm a new flow id.
  "service.flow_new_id": "the ?newState=1 query parameter",
};

function codeLike(text: string): string | null {
  const stripped = text.replace(/\{\w+\}/g, "");
  return CODE_LIKE.exec(stripped)?.[0] ?? null;
}

describe("a manager's words", () => {
  it("no message in any table shows an operator code, a JSON path or an identifier", () => {
    const found: string[] = [];
    for (const table of all)
      for (const lang of ["en", "zh-CN"] as const)
        for (const [code, text] of Object.entries(table[lang] as Record<string, string>)) {
          const hit = codeLike(text);
          if (hit && !Object.hasOwn(ALLOWED, code)) found.push(`${lang} ${code}: “${hit}” in ${text}`);
        }
    expect(found).toEqual([]);
  });

  it("catches what it is for (the scan is not blind)", () => {
    expect(codeLike('The value for "Source" eq must be a text.')).toBe("eq");
    expect(codeLike("config.grades.bands[0].min: expected a number")).not.toBeNull();
    expect(codeLike("线索没有 createdAt")).toBe("createdAt");
    expect(codeLike("“Employees is at least …” must be a number")).toBeNull();
  });

  it("says a wrong comparison and a wrong value in words, in both languages", () => {
    const flow: Flow = {
      format: "leadwire.flow",
      version: 2,
      id: "f",
      name: "Words",
      fields: [
        { key: "source", label: "Source", type: "string" },
        { key: "employees", label: "Employees", type: "number" },
      ],
      teams: [],
      nodes: [
        { id: "t", type: "trigger", config: { sources: [] } },
        {
          id: "f",
          type: "filter",
          label: "Web only",
          config: {
            conditions: {
              op: "all",
              rules: [
                { field: "source", operator: "gte", value: 3 },
                { field: "employees", operator: "gte", value: "many" },
              ],
            },
          },
        },
      ],
      edges: [{ id: "e1", source: "t", sourcePort: "out", target: "f" }],
    } as unknown as Flow;
    const issues = validateFlow(flow).filter((i) => i.code.startsWith("cond."));
    expect(issues.map((i) => i.code).sort()).toEqual(["cond.bad_operator", "cond.bad_value"]);
    const text = (lang: "en" | "zh-CN") => issues.map((i) => translate(i.code, i.params, lang));
    expect(text("en")).toEqual([
      '"Source" is a text field: “is at least” cannot compare it. Choose another comparison.',
      "In “Employees is at least …” the value must be a number.",
    ]);
    expect(text("zh-CN")).toEqual([
      "“Source”是文本字段，不能用“大于或等于”比较，请换一种比较方式。",
      "“Employees 大于或等于 …”中的值必须是一个数字。",
    ]);
    for (const lang of ["en", "zh-CN"] as const) for (const line of text(lang)) expect(codeLike(line)).toBeNull();
  });
});
