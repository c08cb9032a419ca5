// Vite builds and serves the designer; Vitest runs every test (unit, conformance, CLI and browser) from the same config.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  worker: { format: "es" },
  // Pre-bundled up front so the first open of the charts never makes the dev server re-bundle and reload the page.
  optimizeDeps: { include: ["echarts/core", "echarts/charts", "echarts/components", "echarts/renderers"] },
  build: { target: "es2022", sourcemap: true, outDir: "dist/web", emptyOutDir: true },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "nodes/**/*.test.ts", "nodes/**/*.test.tsx", "test/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
