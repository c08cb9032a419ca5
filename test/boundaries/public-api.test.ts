// The library's public face (src/index.ts): every export carries its TSDoc, so an editor's hover explains it.
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

describe("the library's public face (src/index.ts)", () => {
  it("documents every export", () => {
    const entry = join(import.meta.dirname, "../../src/index.ts");
    const program = ts.createProgram([entry], {
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      noEmit: true,
    });
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(entry);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error("src/index.ts did not load");
    const exports = checker.getExportsOfModule(module);
    const documented = (symbol: ts.Symbol): boolean => ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() !== "";
    const undocumented = exports
      .filter((symbol) => !documented(symbol) && !(symbol.flags & ts.SymbolFlags.Alias && documented(checker.getAliasedSymbol(symbol))))
      .map((symbol) => symbol.name);
    expect(exports.length).toBeGreaterThan(40);
    expect(undocumented).toEqual([]);
  });
});
