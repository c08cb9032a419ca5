// Vite builds and serves the designer; Vitest runs every test (unit, conformance, CLI and browser) from the same config.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const ALL_TESTS = ["src/**/*.test.ts", "src/**/*.test.tsx", "nodes/**/*.test.ts", "nodes/**/*.test.tsx", "test/**/*.test.ts"];
// Suites that drive Debian's Chromium, and suites that start a real redis-server (test/runtime/redis-server.ts).
const BROWSER_TESTS = "test/browser/**/*.test.ts";
const REDIS_TESTS = "test/runtime/**/*.test.ts";

export default defineConfig({
  plugins: [react()],
  worker: { format: "es" },
  // Pre-bundled up front so the first open of the charts never makes the dev server re-bundle and reload the page.
  optimizeDeps: { include: ["echarts/core", "echarts/charts", "echarts/components", "echarts/renderers"] },
  build: { target: "es2022", sourcemap: true, outDir: "dist/web", emptyOutDir: true },
  test: {
    environment: "node",
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // `vitest run` runs all three; `npm run test:unit` runs only "unit" (no Chromium, no redis-server).
    projects: [
      { extends: true, test: { name: "unit", include: ALL_TESTS, exclude: [BROWSER_TESTS, REDIS_TESTS] } },
      { extends: true, test: { name: "browser", include: [BROWSER_TESTS] } },
      { extends: true, test: { name: "redis", include: [REDIS_TESTS] } },
    ],
  },
});
