import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { CURRENT_VERSION } from "./schema";
import { SCHEMA_FILE, flowJsonSchema } from "./json-schema";
import { FlowLoadError, loadFlow, safeLoadFlow } from "./load";
import { migrate, type Migration } from "./migrate";
import { makeFlow, team, trigger } from "../../../test/helpers/flow";

const sample = () =>
  makeFlow({
    fields: [{ key: "country", label: "Country", type: "string" }],
    teams: [
      team("emea", [
        {
          id: "ann",
          name: "Ann",
          weight: 2,
          capacity: { perDay: 20 },
          attributes: { regions: ["DE", "FR"] },
          workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" },
        },
      ]),
    ],
    nodes: [trigger("n1"), { id: "n2", type: "route", config: { team: "emea", strategy: "round_robin" } }],
    wires: [["n1", "n2"]],
  });

describe("the flow document", () => {
  it("publishes a JSON Schema that is up to date with the zod schema", () => {
    const committed = JSON.parse(readFileSync(SCHEMA_FILE, "utf8"));
    expect(committed, "run `npm run schema` to regenerate").toEqual(flowJsonSchema());
  });

  it("has a JSON Schema an independent validator (ajv) compiles and that agrees with the engine", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, "utf8")));
    const good = sample();
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    const badVersion = { ...good, version: "1" };
    const badNode = { ...good, nodes: [{ id: "x", type: "teleport", config: {} }] };
    const badRoute = { ...good, nodes: [{ id: "x", type: "route", config: { team: "emea", strategy: "alphabetical" } }] };
    for (const bad of [badVersion, badNode, badRoute]) {
      expect(validate(bad)).toBe(false);
      expect(safeLoadFlow(bad).ok).toBe(false);
    }
  });

  it("keeps unknown top-level keys on a round trip", () => {
    const doc = { ...sample(), x_ui: { zoom: 1.5 }, owner: "consulting" };
    const flow = loadFlow(JSON.stringify(doc));
    expect(JSON.parse(JSON.stringify(flow))).toEqual(doc);
  });

  it("refuses a newer version with a clear message", () => {
    const result = safeLoadFlow({ ...sample(), version: CURRENT_VERSION + 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/newer Leadwire \(format version 3\).*Update Leadwire/);
    expect(() => loadFlow({ ...sample(), version: 99 }, "zh-CN")).toThrow(/更新版本的 Leadwire/);
  });

  it("migrates a version-1 document to version 2 without changing its meaning", () => {
    const doc = { ...sample(), version: 1, $schema: "https://leadwire.dev/schema/leadwire.flow.v1.json" };
    const result = migrate(doc as unknown as Record<string, unknown>);
    expect(result).toMatchObject({ ok: true, doc: { ...doc, version: 2, $schema: "https://leadwire.dev/schema/leadwire.flow.v2.json" } });
    expect(result.ok && result.applied).toHaveLength(1);
    expect(doc.version).toBe(1);
    const loaded = loadFlow(JSON.stringify(doc));
    expect(loaded.version).toBe(2);
    expect(loaded.nodes).toEqual(doc.nodes);
    // A version-1 export (the X Education flow) still loads and runs.
    expect(loadFlow(readFileSync("test/fixtures/x-education.flow.json", "utf8")).version).toBe(2);
  });

  it("reads the version-2 additions: holidays, dated leave, response speed, exclude and the follow-up step", () => {
    const doc = sample();
    doc.settings = { ...doc.settings, holidays: ["2026-12-25"] };
    Object.assign(doc.teams[0]?.members[0] ?? {}, {
      away: [{ from: "2026-12-24", to: "2026-12-31" }],
      responseMinutes: 12,
      responseSpread: 0.6,
    });
    doc.nodes.push({
      id: "n3",
      type: "follow_up",
      config: {
        within: { minutes: 15 },
        clock: "working_hours",
        remind: [{ after: { minutes: 10 }, channel: "email", to: "owner", template: "{{lead.id}} waits" }],
        cadence: [{ after: { days: 1 } }],
      },
    });
    doc.nodes.push({ id: "n4", type: "route", config: { team: "emea", strategy: "round_robin", exclude: "previous_owners" } });
    expect(safeLoadFlow(doc).ok).toBe(true);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    expect(ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, "utf8")))(doc)).toBe(true);
    const badAway = structuredClone(doc);
    Object.assign(badAway.teams[0]?.members[0] ?? {}, { away: [{ from: "24.12.2026", to: "2026-12-31" }] });
    expect(safeLoadFlow(badAway).ok).toBe(false);
  });

  it("runs registered migration steps in order up to the current version", () => {
    const steps: Migration[] = [
      { from: 1, describe: "rename owner to assignee", up: (d) => ({ ...d, assignee: d.owner, owner: undefined }) },
      { from: 2, describe: "add tags", up: (d) => ({ ...d, tags: [] }) },
    ];
    const input = { format: "leadwire.flow", version: 1, owner: "ann" };
    const result = migrate(input, steps, 3);
    expect(result).toEqual({
      ok: true,
      doc: { format: "leadwire.flow", version: 3, assignee: "ann", owner: undefined, tags: [] },
      applied: ["rename owner to assignee", "add tags"],
    });
    expect(input).toEqual({ format: "leadwire.flow", version: 1, owner: "ann" });
    expect(migrate({ version: 1 }, [], 2)).toMatchObject({ ok: false, code: "doc.no_migration" });
  });

  it("names the place of every problem by JSON path and node id", () => {
    const doc = sample() as unknown as { nodes: Record<string, unknown>[] };
    doc.nodes[1] = { id: "n2", type: "route", config: { team: 5, strategy: "round_robin" } };
    const result = safeLoadFlow(doc);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => p.message)).toEqual([
        '$.nodes[1].config.team (node "n2"): Invalid input: expected string, received number',
      ]);
  });

  it("explains text that is not JSON with its line and column", () => {
    const result = safeLoadFlow('{\n  "format": "leadwire.flow",\n  "version": 1,\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]?.code).toBe("doc.not_json");
      expect(result.problems[0]?.message).toMatch(/line 4, column 1/);
    }
  });

  it("refuses duplicate ids and inherited names as ids", () => {
    const doc = sample();
    doc.nodes.push({ ...doc.nodes[0], id: "n1" } as (typeof doc.nodes)[number]);
    doc.teams[0]?.members.push({ id: "__proto__", name: "x" });
    const result = safeLoadFlow(JSON.parse(JSON.stringify(doc)));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const text = result.problems.map((p) => p.message).join("\n");
      expect(text).toContain('$.nodes[2] (node "n1"): the id "n1" is used twice');
      expect(text).toContain("$.teams[0].members[1].id");
    }
    expect(() => loadFlow("[]")).toThrow(FlowLoadError);
  });
});
