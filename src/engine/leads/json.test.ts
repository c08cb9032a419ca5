// JSON import and normaliseLeads: accepted shapes, broken input as warnings, JSON-typed values, inputs left untouched.
import { describe, expect, it } from "vitest";
import { normaliseLeads, parseLeadsJson } from "./index";
import type { FieldDef, ImportOptions } from "./index";

const opts: ImportOptions = { referenceTime: "2024-06-01T09:00:00+02:00" };
const REF = "2024-06-01T07:00:00.000Z";
const fields: FieldDef[] = [
  { key: "employees", type: "number" },
  { key: "skills", type: "list" },
  { key: "vip", type: "boolean" },
  { key: "industry", type: "enum", options: ["Software", "Retail"] },
];

describe("shapes", () => {
  const leads = [{ id: "j1", createdAt: REF, employees: 5 }];
  it.each([
    ["an array", '[{"id":"j1","employees":5}]'],
    ["{ leads: [...] }", '{"leads":[{"id":"j1","employees":"5"}],"meta":{"source":"crm"}}'],
    ["a BOM and white space", '\uFEFF \n [ {"id": "j1", "employees": 5} ] \n'],
  ])("%s", (_name, json) => {
    const r = parseLeadsJson(json, fields, opts);
    expect(r.leads).toEqual(leads);
    expect(r.rowCount).toBe(1);
  });

  it.each([
    ["an object without leads", '{"items":[]}'],
    ["leads that is not an array", '{"leads":{"id":1}}'],
    ["a number", "42"],
    ["null", "null"],
  ])("refuses %s with one warning", (_name, json) => {
    const r = parseLeadsJson(json, fields, opts);
    expect(r).toMatchObject({ leads: [], rowCount: 0, columns: [] });
    expect(r.warnings.map((w) => w.code)).toEqual(["import.not_a_lead_list"]);
  });

  it.each([["[]"], ['{"leads":[]}'], [""], ["  \n"]])("%j → empty_file", (json) => {
    const r = parseLeadsJson(json, fields, opts);
    expect(r.leads).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(["import.empty_file"]);
  });
});

describe("not JSON", () => {
  it.each([['[{"id": 1,}]'], ["id,name\n1,Ann"], ["[{"], ["{'id': 1}"]])("%j → one not_json warning", (text) => {
    const r = parseLeadsJson(text, fields, opts);
    expect(r.leads).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: "import.not_json", row: 0 });
    expect(String(r.warnings[0]?.params.detail)).not.toBe("");
  });

  it("names the parser's position when it gives one", () => {
    const w = parseLeadsJson('[{"id": 1,}]', fields, opts).warnings[0];
    expect(w?.params.position).toBe(10);
    expect(w?.message).toContain("position 10");
  });

  it("survives absurd nesting", () => {
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    expect(() => parseLeadsJson(deep, fields, opts)).not.toThrow();
  });
});

describe("items", () => {
  it("skips items that are not objects, one warning each, keeping item numbers as rows", () => {
    const r = parseLeadsJson('[{"id":"a"}, 3, null, [1], "x", {}]', fields, opts);
    expect(r.leads.map((l) => l.id)).toEqual(["a", "row-6"]);
    expect(r.rowCount).toBe(6);
    expect(r.warnings.filter((w) => w.code === "import.not_a_lead").map((w) => [w.row, w.value])).toEqual([
      [2, "3"],
      [3, "null"],
      [4, "[1]"],
      [5, "x"],
    ]);
  });

  it("coerces JSON values by field type and keeps unknown JSON primitives as they are", () => {
    const r = parseLeadsJson(
      JSON.stringify([
        { id: 17, employees: "1,200,000", skills: ["crm", " erp ", ""], vip: 1, industry: "retail", score: 9.5, ok: true, tags: ["a", 2] },
        { id: "b", employees: true, skills: [{}], vip: "maybe", industry: "Mining", nested: { deep: 1 } },
      ]),
      fields,
      opts,
    );
    expect(r.leads[0]).toEqual({
      id: "17",
      createdAt: REF,
      employees: 1200000,
      skills: ["crm", "erp"],
      vip: true,
      industry: "Retail",
      score: 9.5,
      ok: true,
      tags: ["a", "2"],
      nested: null,
    });
    expect(r.leads[1]).toMatchObject({ employees: null, skills: null, vip: null, industry: null, nested: null });
    const row2 = r.warnings.filter((w) => w.row === 2 && w.code !== "import.missing_created_at");
    expect(row2.map((w) => [w.code, w.column, w.value])).toEqual([
      ["import.not_a_number", "employees", "true"],
      ["import.not_a_list", "skills", "[{}]"],
      ["import.not_a_boolean", "vip", "maybe"],
      ["import.not_an_option", "industry", "Mining"],
      ["import.not_flat", "nested", '{"deep":1}'],
    ]);
    expect(row2[3]?.message).toContain("(Software, Retail)");
  });

  it("refuses an id that is neither text nor a number", () => {
    const r = parseLeadsJson('[{"id":true},{"id":{"x":1}},{"id":" "}]', fields, opts);
    expect(r.leads.map((l) => l.id)).toEqual(["row-1", "row-2", "row-3"]);
    expect(r.warnings.filter((w) => w.code.includes("id")).map((w) => w.code)).toEqual([
      "import.invalid_id",
      "import.invalid_id",
      "import.missing_id",
    ]);
  });

  it("drops a __proto__ key without touching any prototype", () => {
    const r = parseLeadsJson('[{"id":"p","__proto__":{"polluted":true},"constructor":{"prototype":1}}]', fields, opts);
    const lead = r.leads[0] ?? {};
    expect(Object.getPrototypeOf(lead)).toBe(Object.prototype);
    expect(Object.keys(lead)).toEqual(["id", "createdAt"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.warnings.filter((w) => w.code === "import.reserved_column")).toHaveLength(2);
  });
});

describe("normaliseLeads", () => {
  it("takes JS objects with Date values and leaves its inputs untouched", () => {
    const rows = Object.freeze([
      Object.freeze({ ID: 1, "Created At": new Date("2024-02-03T04:05:06Z"), Skills: "a;b", Extra: new Date(0) }),
      Object.freeze({ ID: 2, Employees: 3, skills: "c" }),
    ]);
    const fieldsCopy = structuredClone(fields);
    const before = JSON.stringify(rows);
    const r = normaliseLeads(rows, fields, { ...opts, columnMap: { skills: "" } });
    expect(JSON.stringify(rows)).toBe(before);
    expect(fields).toEqual(fieldsCopy);
    expect(r.leads).toEqual([
      // every lead gets every column of the import; a key another item lacks reads as null
      { id: "1", createdAt: "2024-02-03T04:05:06.000Z", skills: ["a", "b"], Extra: "1970-01-01T00:00:00.000Z", employees: null },
      { id: "2", createdAt: REF, skills: null, Extra: null, employees: 3 },
    ]);
    expect(r.columns.map((c) => [c.column, c.fieldKey])).toEqual([
      ["ID", "id"],
      ["Created At", "createdAt"],
      ["Skills", "skills"],
      ["Extra", "Extra"],
      ["Employees", "employees"],
      ["skills", ""],
    ]);
  });

  it("reports fields on leads as JSON round-trips them", () => {
    const r = normaliseLeads([{ id: "r", createdAt: "2024-01-01", employees: 1 }], fields, opts);
    const again = parseLeadsJson(JSON.stringify(r.leads), fields, opts);
    expect(again.leads).toEqual(r.leads);
    expect(again.warnings).toEqual([]);
  });
});
