// The one completeness test: every text of every table (engine, nodes, runtime, library, simulation, forms, designer)
// exists in English and 简体中文, none empty, with the same placeholders, and no code is defined twice.
import { describe, expect, it } from "vitest";
import type { MessageTable } from "../engine";
import { runtimeTables } from "../runtime/texts";
import { uiTables } from "./catalogue";

const all: readonly MessageTable[] = [...new Set([...uiTables, ...runtimeTables])];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the message catalogue", () => {
  it("has every code in both languages, none empty, with the same placeholders", () => {
    const problems: string[] = [];
    for (const table of all) {
      const en = table.en as Record<string, string>;
      const zh = table["zh-CN"] as Record<string, string>;
      for (const code of Object.keys(en)) {
        if (!Object.hasOwn(zh, code)) problems.push(`zh-CN lacks ${code}`);
        else if (!zh[code]?.trim()) problems.push(`zh-CN ${code} is empty`);
        else if (placeholders(zh[code] as string).join() !== placeholders(en[code] as string).join())
          problems.push(`${code}: placeholders differ`);
        if (!en[code]?.trim()) problems.push(`en ${code} is empty`);
      }
      for (const code of Object.keys(zh)) if (!Object.hasOwn(en, code)) problems.push(`en lacks ${code}`);
    }
    expect(problems).toEqual([]);
  });

  it("defines each code in one table only (a second definition would silently lose)", () => {
    const seen = new Map<string, number>();
    all.forEach((table) => {
      for (const code of Object.keys(table.en)) seen.set(code, (seen.get(code) ?? 0) + 1);
    });
    expect([...seen].filter(([, n]) => n > 1).map(([code]) => code)).toEqual([]);
  });
});
