// The layer rules of eslint.config.js catch what they are for: engine internals reached from the app, UI code in the engine.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: new URL("../..", import.meta.url).pathname });

/** The rule ids ESLint reports for `code` as if it were the file at `path` (relative to the repository root). */
async function rulesHit(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe("lint boundaries", () => {
  it("refuses a deep engine import from the designer, and lets the engine's faces through", async () => {
    expect(await rulesHit("src/designer/x.ts", 'import { compileFlow } from "../engine/compile";\nexport { compileFlow };\n')).toEqual([
      "no-restricted-imports",
    ]);
    expect(
      await rulesHit("test/helpers/x.ts", 'import type { Flow } from "../../src/engine/document/schema";\nexport type { Flow };\n'),
    ).toEqual(["no-restricted-imports"]);
    expect(
      await rulesHit(
        "src/designer/x.ts",
        'import { compileFlow } from "../engine";\nimport { parseLeadsCsv } from "../engine/leads";\nexport { compileFlow, parseLeadsCsv };\n',
      ),
    ).toEqual([]);
  });

  it("refuses UI libraries, the designer, the UI's i18n and .tsx modules in engine files", async () => {
    expect(await rulesHit("nodes/cap/run.ts", 'import { useState } from "react";\nexport { useState };\n')).toEqual([
      "no-restricted-imports",
    ]);
    expect(await rulesHit("src/engine/compile.ts", 'import { create } from "zustand";\nexport { create };\n')).toEqual([
      "no-restricted-imports",
    ]);
    expect(await rulesHit("nodes/cap/run.ts", 'import Inspector from "./Inspector";\nexport { Inspector };\n')).toEqual([
      "leadwire/engine-boundary",
    ]);
    expect(await rulesHit("src/engine/state.ts", 'import { ui } from "../i18n";\nexport { ui };\n')).toEqual(["leadwire/engine-boundary"]);
    expect(await rulesHit("src/engine/document/load.ts", 'import { translate } from "../i18n";\nexport { translate };\n')).toEqual([]);
    expect(await rulesHit("src/engine/state.ts", 'import { x } from "../designer/store/store";\nexport { x };\n')).toEqual([
      "leadwire/engine-boundary",
    ]);
  });

  it("lets a node's inspector form use React and the designer", async () => {
    expect(
      await rulesHit(
        "nodes/cap/Inspector.tsx",
        'import { useState } from "react";\nimport { x } from "../../src/designer/forms/context";\nexport { useState, x };\n',
      ),
    ).toEqual([]);
  });
});
