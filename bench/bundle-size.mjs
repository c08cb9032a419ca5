// Builds the designer (vite build → dist/web) and prints the gzip size of the JavaScript the first page load needs: the entry
// chunk and its static imports, not lazy chunks. Fails when that exceeds the budget, when Monaco is in an initial chunk, or
// when the browser tests' window.__leadwire hook made it into the production build.
import { gzipSync } from "node:zlib";
import { build } from "vite";

const BUDGET_KB = 350;
const chunks = new Map();

await build({
  logLevel: "warn",
  plugins: [
    {
      name: "leadwire-bundle-report",
      generateBundle(_options, bundle) {
        for (const item of Object.values(bundle)) {
          if (item.type !== "chunk") continue;
          chunks.set(item.fileName, {
            isEntry: item.isEntry,
            imports: item.imports,
            dynamicImports: item.dynamicImports,
            monaco: item.moduleIds.some((id) => id.includes("node_modules/monaco-editor/")),
            testHook: item.code.includes("__leadwire"),
            gzip: gzipSync(item.code, { level: 9 }).length,
            raw: item.code.length,
          });
        }
      },
    },
  ],
});

const initial = new Set();
const visit = (file) => {
  if (initial.has(file) || !chunks.has(file)) return;
  initial.add(file);
  for (const next of chunks.get(file).imports) visit(next);
};
for (const [file, chunk] of chunks) if (chunk.isEntry) visit(file);

const kb = (bytes) => (bytes / 1024).toFixed(1);
let total = 0;
let raw = 0;
console.log("Initial JavaScript (entry + static imports):");
for (const file of initial) {
  const c = chunks.get(file);
  total += c.gzip;
  raw += c.raw;
  console.log(`  ${file.padEnd(48)} ${kb(c.gzip).padStart(8)} KB gzip  (${kb(c.raw)} KB)`);
}
const lazy = [...chunks.keys()].filter((f) => !initial.has(f));
const lazyGzip = lazy.reduce((sum, f) => sum + chunks.get(f).gzip, 0);
const monacoInitial = [...initial].filter((f) => chunks.get(f).monaco);
const monacoLazy = lazy.filter((f) => chunks.get(f).monaco);
console.log(`Total initial JS: ${kb(total)} KB gzip (${kb(raw)} KB raw); budget ${BUDGET_KB} KB`);
console.log(
  `Lazy chunks: ${lazy.length}, ${kb(lazyGzip)} KB gzip; Monaco in lazy chunks: ${monacoLazy.length > 0 ? monacoLazy.join(", ") : "none (not bundled yet)"}`,
);

let failed = false;
if (total / 1024 > BUDGET_KB) {
  console.error(`FAIL: initial JS ${kb(total)} KB gzip exceeds ${BUDGET_KB} KB`);
  failed = true;
}
if (monacoInitial.length > 0) {
  console.error(`FAIL: Monaco is in initial chunks: ${monacoInitial.join(", ")}`);
  failed = true;
}
const withHook = [...chunks.keys()].filter((f) => chunks.get(f).testHook);
if (withHook.length > 0) {
  console.error(`FAIL: the test hook window.__leadwire is in the production build: ${withHook.join(", ")}`);
  failed = true;
}
if (failed) process.exit(1);
console.log("OK");
