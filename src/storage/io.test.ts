import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import type { Flow } from "../engine";
import { TEMPLATES } from "../templates";
import { exportFilename, exportFlow, exportText, importFlow, normaliseForCompare, SCHEMA_ID } from "./io";
import type { FlowLibrary } from "./library";
import { freshDbName, openLibrary, smallFlow } from "./testing";

/** A flow as the designer stores it: a viewport under `ui`, an extra key of a newer designer, keys in odd orders. */
function designerFlow(): Flow {
  const flow = smallFlow();
  return {
    edges: flow.edges,
    nodes: flow.nodes.map(
      (n) => ({ config: n.config, position: n.position, id: n.id, type: n.type, label: n.label }) as Flow["nodes"][number],
    ),
    teams: flow.teams,
    fields: flow.fields,
    settings: { seed: 1, timezone: "UTC" },
    description: "Routes EMEA leads",
    name: flow.name,
    id: flow.id,
    version: 2,
    format: "leadwire.flow",
    ui: { viewport: { x: 10, y: -20, zoom: 1.25 } },
    x_owner: "sales-ops",
  } as Flow;
}

/** Everything stored, to prove a failed import changed nothing. */
async function snapshot(lib: FlowLibrary): Promise<unknown> {
  return { flows: await lib.db.flows.toArray(), versions: await lib.db.versions.toArray() };
}

describe("export", () => {
  it("writes pretty JSON with $schema first, canonical key order and a trailing newline", () => {
    const text = exportText(designerFlow());
    expect(
      text.startsWith(
        `{\n  "$schema": "${SCHEMA_ID}",\n  "format": "leadwire.flow",\n  "version": 2,\n  "id": "f_emea",\n  "name": "EMEA round robin",\n`,
      ),
    ).toBe(true);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('{\n      "id": "t",\n      "type": "trigger",\n      "label": "New lead",\n      "position": {');
    expect(exportText(smallFlow())).toBe(exportText(JSON.parse(exportText(smallFlow())) as Flow));
    expect(JSON.parse(text)).toMatchObject({ ui: { viewport: { zoom: 1.25 } }, x_owner: "sales-ops" });
  });

  it("names the file after the flow, in any script", () => {
    expect(exportFlow(smallFlow()).filename).toBe("emea-round-robin.json");
    expect(exportFilename("华东 / 轮询 v2")).toBe("华东-轮询-v2.json");
    expect(exportFilename("  ")).toBe("flow.json");
    expect(exportFilename("", "zh-CN")).toBe("流程.json");
    expect(exportFlow(smallFlow()).mimeType).toBe("application/json");
  });
});

describe("import", () => {
  it("export → import as new → export gives the same document (byte-identical after normalisation)", async () => {
    const lib = openLibrary(freshDbName());
    const original = await lib.create({ from: designerFlow() });
    const exported = exportFlow(original.doc).text;
    const imported = await importFlow(lib, exported);
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    expect(imported.idChanged).toBe(true);
    expect(imported.draft.doc.id).not.toBe(original.doc.id);
    expect((await lib.list()).length).toBe(2);
    const again = exportFlow(imported.draft.doc).text;
    expect(normaliseForCompare(again)).toBe(normaliseForCompare(exported));
    expect(normaliseForCompare(imported.draft.doc)).toBe(normaliseForCompare(original.doc));
  });

  it("every template, started as a flow, survives export → import as new unchanged", async () => {
    const lib = openLibrary(freshDbName());
    for (const template of TEMPLATES) {
      const started = await lib.create({ from: template.flowFor("zh-CN") });
      const imported = await importFlow(lib, exportFlow(started.doc).text);
      if (!imported.ok) throw new Error(template.id);
      expect(imported.issues, template.id).toEqual([]);
      expect(normaliseForCompare(exportFlow(imported.draft.doc).text), template.id).toBe(normaliseForCompare(exportFlow(started.doc).text));
    }
  });

  it("keeps the document's id when it is free, so the export is byte-identical", async () => {
    const text = exportText(designerFlow());
    const lib = openLibrary(freshDbName());
    const imported = await importFlow(lib, text);
    if (!imported.ok) throw new Error("import failed");
    expect(imported.idChanged).toBe(false);
    expect(exportText(imported.draft.doc)).toBe(text);
    expect(imported.draft.doc).not.toHaveProperty("$schema");
  });

  it("never replaces an existing flow by default; replaces only on an explicit choice", async () => {
    const lib = openLibrary(freshDbName());
    const existing = await lib.create({ from: smallFlow("Keep me") });
    const text = exportText({ ...smallFlow("Incoming"), id: existing.doc.id });
    const asNew = await importFlow(lib, text);
    expect(asNew.ok && asNew.draft.doc.id !== existing.doc.id).toBe(true);
    expect((await lib.getDraft(existing.doc.id))?.doc.name).toBe("Keep me");

    const replaced = await importFlow(lib, text, { mode: { mode: "replace", id: existing.doc.id } });
    if (!replaced.ok) throw new Error("replace failed");
    expect(replaced.draft).toMatchObject({ revision: 2, doc: { id: existing.doc.id, name: "Incoming" } });
    expect((await lib.list()).length).toBe(2);
  });

  it("replace refuses a missing target and a target changed since it was chosen", async () => {
    const lib = openLibrary(freshDbName());
    const before = await snapshot(lib);
    const missing = await importFlow(lib, exportText(smallFlow()), { mode: { mode: "replace", id: "f_gone" } });
    expect(missing.ok ? [] : missing.problems.map((p) => p.code)).toEqual(["storage.replace_missing"]);
    expect(await snapshot(lib)).toEqual(before);
    const target = await lib.create({ from: smallFlow() });
    await lib.saveDraft(target.doc.id, smallFlow("edited"), 1);
    const stale = await importFlow(lib, exportText(smallFlow()), { mode: { mode: "replace", id: target.doc.id, expectedRevision: 1 } });
    expect(stale.ok ? [] : stale.problems.map((p) => p.code)).toEqual(["storage.replace_conflict"]);
    expect((await lib.getDraft(target.doc.id))?.doc.name).toBe("edited");
  });

  it("lists the validation issues of an imported flow without refusing it", async () => {
    const lib = openLibrary(freshDbName());
    const imported = await importFlow(lib, exportText(smallFlow()));
    expect(imported.ok && imported.issues.map((i) => i.code)).toEqual(["route.unassigned_unwired"]);
  });
});

describe("a broken import lists the problems by JSON path and changes nothing", () => {
  const cases: { name: string; text: string; en: RegExp; zh: RegExp; paths: string[] }[] = [
    { name: "not JSON", text: '{ "format": "leadwire.flow", ', en: /not valid JSON/, zh: /不是有效的 JSON/, paths: ["$"] },
    { name: "not a flow", text: '{ "hello": 1 }', en: /not a Leadwire flow/, zh: /不是 Leadwire 流程/, paths: ["$.format"] },
    {
      name: "wrong shape",
      text: JSON.stringify({
        ...smallFlow(),
        nodes: [smallFlow().nodes[0], { id: "r", type: "route", config: { team: "emea", strategy: "alphabetical" } }],
        edges: [{ id: "e1", source: "t" }],
      }),
      en: /\$\.nodes\[1\]\.config\.strategy \(node "r"\)/,
      zh: /\$\.nodes\[1\]\.config\.strategy \(node "r"\)：/,
      paths: ['$.nodes[1].config.strategy (node "r")', "$.edges[0].target"],
    },
    {
      name: "newer version",
      text: JSON.stringify({ ...smallFlow(), version: 7 }),
      en: /newer Leadwire \(format version 7\)/,
      zh: /更新版本的 Leadwire/,
      paths: ["$.version"],
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const lib = openLibrary(freshDbName());
      await lib.create({ from: smallFlow() });
      const before = await snapshot(lib);
      const en = await importFlow(lib, c.text);
      const zh = await importFlow(lib, c.text, { lang: "zh-CN" });
      if (en.ok || zh.ok) throw new Error("expected a refused import");
      expect(en.problems.map((p) => p.path)).toEqual(c.paths);
      expect(en.problems[0]?.message).toMatch(c.en);
      expect(zh.problems[0]?.message).toMatch(c.zh);
      expect(await snapshot(lib)).toEqual(before);
    });
  }
});
