// Hostile flow documents: a long cycle gives linear validation output; deep nesting a clean load error, CLI exit 1, service 400.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileFlow } from "../../src/engine";
import { loadFlow, FlowLoadError, safeLoadFlow } from "../../src/engine";
import type { Flow } from "../../src/engine";
import { validateFlow } from "../../src/engine";
import { buildService, type Service } from "../../src/runtime/service/app";
import { parseImport } from "../../src/storage/io";
import { MemoryStore } from "../../src/runtime/store/memory";
import { cappedRoundRobin } from "../runtime/flows";
import { ensureBuilt, ROOT } from "../runtime/serve-process";

const tmp = mkdtempSync(join(tmpdir(), "leadwire-hostile-"));
const services: Service[] = [];
afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
});

/** trigger → f1 → f2 → … → fN → f1: one loop of N filter nodes. */
function loopFlow(n: number): Flow {
  const base = cappedRoundRobin();
  const filters = Array.from({ length: n }, (_, i) => ({
    id: `f${i + 1}`,
    type: "filter" as const,
    config: { conditions: { op: "all" as const, rules: [] } },
  }));
  const edges = [
    { id: "e0", source: "t", sourcePort: "out", target: "f1" },
    ...filters.map((f, i) => ({ id: `e${i + 1}`, source: f.id, sourcePort: "pass", target: filters[(i + 1) % n]?.id as string })),
  ];
  return { ...base, nodes: [{ id: "t", type: "trigger", config: {} }, ...filters], edges } as Flow;
}

/** A filter whose conditions nest `depth` groups deep. */
function deepFlow(depth: number): unknown {
  let group: unknown = { op: "all", rules: [{ field: "source", operator: "eq", value: "web" }] };
  for (let i = 1; i < depth; i++) group = { op: "all", rules: [group] };
  const base = cappedRoundRobin();
  return { ...base, nodes: [...base.nodes, { id: "deep", type: "filter", config: { conditions: group } }], edges: [...base.edges] };
}

/** The same as text, built without recursion (JSON.stringify itself overflows at such depths). */
function deepText(depth: number): string {
  const inner = '{"op":"all","rules":[{"field":"source","operator":"eq","value":"web"}]}';
  const group = '{"op":"all","rules":['.repeat(depth - 1) + inner + "]}".repeat(depth - 1);
  const base = cappedRoundRobin();
  return JSON.stringify({ ...base, nodes: [...base.nodes, { id: "deep", type: "filter", config: { conditions: "@" } }] }).replace(
    '"@"',
    group,
  );
}

describe("a long cycle", () => {
  it("is reported once, naming a capped list of its nodes, so the output grows linearly", () => {
    const sizes = [200, 2_000].map((n) => {
      const issues = validateFlow(loopFlow(n));
      const loops = issues.filter((i) => i.code.startsWith("flow.cycle"));
      expect(loops).toHaveLength(1);
      expect(loops[0]?.message).toMatch(
        new RegExp(`^${n} nodes form a loop, which would never end: f1 → f2 → .* → … and ${n - 12} more\\.$`),
      );
      return JSON.stringify(issues).length;
    });
    // Ten times the nodes, at most about ten times the output (it was N × N before).
    expect((sizes[1] as number) / (sizes[0] as number)).toBeLessThan(12);
  });

  it("names every node of a short loop, back to the first", () => {
    const [loop] = validateFlow(loopFlow(3)).filter((i) => i.code === "flow.cycle");
    expect(loop?.message).toBe("These nodes form a loop, which would never end: f1 → f2 → f3 → f1.");
  });
});

describe("condition groups nested too deep", () => {
  it("six levels is a validation error; thousands a clean load error, never a stack overflow", () => {
    const six = loadFlow(deepFlow(6));
    expect(validateFlow(six).map((i) => i.code)).toContain("cond.too_deep");
    for (const depth of [1_000, 20_000]) {
      const loaded = safeLoadFlow(deepText(depth));
      expect(loaded.ok).toBe(false);
      if (!loaded.ok)
        expect(loaded.problems[0]?.message).toMatch(/^\$\.nodes\[4\]\.config\.conditions.*nests far too deep.*at most 5 levels/);
      expect(() => loadFlow(JSON.parse(deepText(depth)))).toThrow(FlowLoadError);
    }
    // The designer's import reads through the same loader and shows the problem instead of throwing.
    const imported = parseImport(deepText(5_000), "zh-CN");
    expect(imported.ok).toBe(false);
    if (!imported.ok) expect(imported.problems[0]?.message).toContain("嵌套过深");
    const cyclic: Record<string, unknown> = { ...cappedRoundRobin() };
    cyclic.self = cyclic;
    expect(safeLoadFlow(cyclic).ok).toBe(false);
    expect(() => compileFlow(six)).toThrow(/too deep|nested/i);
  });

  it("leadwire validate exits 1 with the message; the service answers 422", async () => {
    ensureBuilt();
    const file = join(tmp, "deep.json");
    writeFileSync(file, deepText(5_000));
    const r = spawnSync(process.execPath, [join(ROOT, "bin/leadwire.mjs"), "validate", file], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("nests far too deep");
    const flow = cappedRoundRobin();
    const s = await buildService({ flow: { id: flow.id, compiled: compileFlow(flow) }, store: new MemoryStore() });
    services.push(s);
    const res = await s.app.inject({
      method: "POST",
      url: "/v1/flow",
      headers: { "content-type": "application/json" },
      payload: deepText(5_000),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().problems[0].message).toContain("nests far too deep");
  });
});
