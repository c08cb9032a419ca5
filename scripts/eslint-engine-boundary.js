// ESLint rule for engine files: a relative import may not reach the designer, the UI's i18n, or any .tsx module.
// Package names are checked by no-restricted-imports; relative paths need resolving, since "../i18n" is the engine's
// own i18n from one folder and the UI's from another.
import { existsSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";

const ROOT = dirname(dirname(new URL(import.meta.url).pathname));
const FORBIDDEN_DIRS = ["src/designer", "src/i18n"];

function forbiddenReason(fromFile, source) {
  if (!source.startsWith(".")) return undefined;
  const target = resolve(dirname(fromFile), source);
  const rel = relative(ROOT, target).split("\\").join("/");
  const dir = FORBIDDEN_DIRS.find((d) => rel === d || rel.startsWith(`${d}/`));
  if (dir) return `${dir} is UI`;
  if (rel.endsWith(".tsx") || existsSync(`${target}.tsx`) || existsSync(`${target}/index.tsx`)) return "a .tsx module is UI";
  return undefined;
}

export default {
  meta: {
    type: "problem",
    docs: { description: "Engine files (src/engine, the nodes' engine side) import no UI code." },
    schema: [],
    messages: { ui: "The engine runs in Node and a worker without React or the DOM: {{reason}}, so it may not be imported here." },
  },
  create(context) {
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== "Literal" || typeof source.value !== "string") return;
      const reason = forbiddenReason(context.filename, source.value);
      if (reason) context.report({ node: source, messageId: "ui", data: { reason } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
