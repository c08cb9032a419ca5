// ESLint for the whole tree: the recommended rules, React's hook rules, and the two boundaries the layers depend on.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import engineBoundary from "./scripts/eslint-engine-boundary.js";

// Files that make up the engine: the pure TypeScript that runs in Node, a worker and the page (no React, no DOM).
const ENGINE_FILES = ["src/engine/**/*.ts", "nodes/*.ts", "nodes/*/*.ts"];
// Node folders also hold their designer side (ui.ts, *.ui.ts, inspector forms): those are UI, not engine.
const NODE_UI_FILES = ["nodes/ui.ts", "nodes/*/ui.ts", "nodes/*/*.ui.ts", "nodes/**/*.tsx"];

// Outside src/engine and nodes/, the engine is reached only through its public face, src/engine/index.ts, and lead
// import's own face, src/engine/leads/index.ts (the CSV reader: a bundle of its own, loaded when leads are imported).
const DEEP_ENGINE_IMPORT = {
  regex: String.raw`(^|/)engine/(?!(index|leads|leads/index)(\.ts)?$).+`,
  message: "Import the engine through its public face (src/engine/index.ts); add the export there if it is missing.",
};

// Libraries of the UI layer: the engine must not depend on any of them.
const UI_PACKAGES = {
  group: [
    "react",
    "react/*",
    "react-dom",
    "react-dom/*",
    "react-i18next",
    "@xyflow/*",
    "zustand",
    "zustand/*",
    "immer",
    "dexie",
    "echarts",
    "echarts/*",
    "i18next",
  ],
  message: "The engine is pure TypeScript that runs in Node and a worker: no UI libraries.",
};

export default defineConfig(
  { ignores: ["dist/", "node_modules/", "public/", "docs/", "coverage/", "scratch/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module", globals: { ...globals.browser, ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // Deliberately unused names follow the usual `_` convention (a skipped tuple slot, a rest sibling).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx}", "bench/**/*.{js,mjs,ts}", "bin/**/*.{js,mjs}", "scripts/**/*.{js,mjs,ts}"],
    ignores: ["src/engine/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [DEEP_ENGINE_IMPORT] }] },
  },
  {
    files: ENGINE_FILES,
    ignores: NODE_UI_FILES,
    plugins: { leadwire: { rules: { "engine-boundary": engineBoundary } } },
    rules: {
      "no-restricted-imports": ["error", { patterns: [UI_PACKAGES] }],
      "leadwire/engine-boundary": "error",
    },
  },
  {
    // Promises left floating in the service, the CLI or storage lose errors and requests. These two rules need the type
    // checker (about 3× the lint time of these folders), so they run only where promises are the daily work.
    files: ["src/runtime/**/*.ts", "src/storage/**/*.ts", "src/simulation/**/*.ts"],
    ignores: ["**/*.test.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
);
