// Bundles the engine for the browser with esbuild, as the designer's worker will load it: no Node APIs allowed.
import { build } from "esbuild";

export async function engineBundle(): Promise<string> {
  const result = await build({
    entryPoints: ["src/index.ts"],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "Leadwire",
    platform: "browser",
    target: "es2022",
    logLevel: "silent",
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error("esbuild produced no output");
  return file.text;
}
