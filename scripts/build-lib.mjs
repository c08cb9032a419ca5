// Builds the Node entry points (library + CLI) with esbuild; runs on `npm install` (prepare) and before tests.
import { build } from "esbuild";
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const external = Object.keys(pkg.dependencies ?? {});

await build({
  entryPoints: { leadwire: "src/index.ts", cli: "src/runtime/cli.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external,
  sourcemap: true,
  logLevel: "warning",
  chunkNames: "chunks/[name]-[hash]",
});
