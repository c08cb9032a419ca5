// Each template, exported the way the designer exports it, is accepted by `leadwire validate` and routes the same with `leadwire run`.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { compileFlow } from "../engine";
import { exportFlow } from "../storage/io";
import { TEMPLATES } from ".";

const ROOT = new URL("../../", import.meta.url).pathname;
const NOW = "2026-03-02T00:00:00.000Z";
const exec = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "leadwire-templates-"));

async function leadwire(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [join(ROOT, "bin/leadwire.mjs"), ...args], { cwd: ROOT, timeout: 60_000 });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, out: e.stdout ?? "", err: e.stderr ?? "" };
  }
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, "dist/cli.js"))) await exec(process.execPath, [join(ROOT, "scripts/build-lib.mjs")], { cwd: ROOT });
});

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("template %s through the CLI", (id, template) => {
  it("exported, passes `leadwire validate` with no problems, and `leadwire run` gives the in-process outcomes", async () => {
    const file = exportFlow(template.flow);
    const flowPath = join(dir, file.filename);
    const leadsPath = join(dir, `${id}.leads.json`);
    const outPath = join(dir, `${id}.results.json`);
    writeFileSync(flowPath, file.text);
    writeFileSync(leadsPath, JSON.stringify(template.leads, null, 2));

    const validated = await leadwire("validate", flowPath);
    expect(validated.code, validated.out + validated.err).toBe(0);
    expect(validated.out).toContain("no problems found");

    const ran = await leadwire("run", flowPath, leadsPath, "--out", outPath, "--now", NOW);
    expect(ran.code, ran.err).toBe(0);
    const fromCli: unknown = JSON.parse(readFileSync(outPath, "utf8")).leads;
    const inProcess = compileFlow(template.flow).run(template.leads, { now: NOW }).outcomes;
    expect(fromCli).toEqual(JSON.parse(JSON.stringify(inProcess)));
  });
});
