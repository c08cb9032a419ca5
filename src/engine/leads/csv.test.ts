// CSV import: encodings of lines and quotes, ragged and blank rows, delimiters, column mapping, fill-ins, hostile headers.
import Papa from "papaparse";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLeadsCsv, summariseWarnings } from "./index";
import type { FieldDef, ImportOptions } from "./index";

const opts: ImportOptions = { referenceTime: "2024-06-01T09:00:00Z" };
const REF = "2024-06-01T09:00:00.000Z";
const fields: FieldDef[] = [
  { key: "id", label: "Prospect ID", type: "string" },
  { key: "leadSource", label: "Lead Source", type: "enum", options: ["Google", "Referral"], placeholders: ["Select"] },
  { key: "employees", type: "number" },
  { key: "vip", label: "VIP", type: "boolean" },
];
const codes = (csv: string, o: ImportOptions = opts) => parseLeadsCsv(csv, fields, o).warnings.map((w) => w.code);

describe("line endings, BOM and quotes", () => {
  const expected = [
    { id: "a1", createdAt: REF, leadSource: "Google", employees: 12 },
    { id: "a2", createdAt: REF, leadSource: null, employees: null },
  ];
  it.each([
    ["LF", "Prospect ID,Lead Source,Employees\na1,google,12\na2,Select,\n"],
    ["CRLF", "Prospect ID,Lead Source,Employees\r\na1,google,12\r\na2,Select,\r\n"],
    ["CR", "Prospect ID,Lead Source,Employees\ra1,google,12\ra2,Select,"],
    ["mixed", "Prospect ID,Lead Source,Employees\r\na1,google,12\na2,Select,\r"],
    ["BOM", "\uFEFFProspect ID,Lead Source,Employees\r\na1,google,12\r\na2,Select,\r\n"],
    ["semicolon", "Prospect ID;Lead Source;Employees\na1;google;12\na2;Select;\n"],
    ["tab", "Prospect ID\tLead Source\tEmployees\na1\tgoogle\t12\na2\tSelect\t\n"],
    ["tab after blank lines", "\n \nProspect ID\tLead Source\tEmployees\na1\tgoogle\t12\na2\tSelect\t\n"],
  ])("%s", (_name, csv) => {
    const r = parseLeadsCsv(csv, fields, opts);
    expect(r.leads).toEqual(expected);
    expect(r.rowCount).toBe(2);
    expect(r.warnings.map((w) => w.code)).toEqual(["import.missing_created_at", "import.missing_created_at"]);
  });

  it("keeps quoted delimiters, quotes and newlines inside a cell", () => {
    const csv = 'id,Notes,Employees\r\nx1,"said ""hi"", then\r\nleft; twice",7\r\n';
    const r = parseLeadsCsv(csv, fields, opts);
    expect(r.leads[0]).toMatchObject({ id: "x1", Notes: 'said "hi", then\nleft; twice', employees: 7 });
  });

  it("reads a one-column file as one column, even when values hold a delimiter", () => {
    const r = parseLeadsCsv('id\na;b;c\n"d,e"\n', fields, opts);
    expect(r.leads.map((l) => l.id)).toEqual(["a;b;c", "d,e"]);
  });

  it("splits a tab file whose first header is empty", () => {
    const r = parseLeadsCsv("\tid\nx\ty1\n", fields, opts);
    expect(r.leads[0]).toMatchObject({ column_1: "x", id: "y1" });
  });

  it("reports an unterminated quote and keeps the row as read", () => {
    const r = parseLeadsCsv('id,Notes\nx1,"open\nx2,b\n', fields, opts);
    expect(r.warnings.some((w) => w.code === "import.unclosed_quote" && w.row === 1 && w.params.lines === 1)).toBe(true);
    expect(r.leads[0]?.id).toBe("x1");
  });
});

describe("rows", () => {
  it("keeps ragged rows: missing cells empty, extra cells dropped, each reported", () => {
    const r = parseLeadsCsv("id,Employees,VIP\nr1,5\nr2,6,yes,surplus,more\nr3,7,no,\n", fields, opts);
    expect(r.leads).toEqual([
      { id: "r1", createdAt: REF, employees: 5, vip: null },
      { id: "r2", createdAt: REF, employees: 6, vip: true },
      { id: "r3", createdAt: REF, employees: 7, vip: false },
    ]);
    const ragged = r.warnings.filter((w) => w.code === "import.ragged_row");
    // r3 only has an empty trailing cell: nothing lost, nothing reported
    expect(ragged.map((w) => [w.row, w.params, w.value])).toEqual([
      [1, { expected: 3, actual: 2 }, undefined],
      [2, { expected: 3, actual: 5 }, "surplus,more"],
    ]);
  });

  it("skips blank lines silently but counts them in row numbers, like a spreadsheet", () => {
    const r = parseLeadsCsv("\n\nid,Employees\n\nb1,x\n  \n,\nb2,3\n\n", fields, opts);
    expect(r.leads.map((l) => l.id)).toEqual(["b1", "b2"]);
    expect(r.rowCount).toBe(2);
    const bad = r.warnings.find((w) => w.code === "import.not_a_number");
    expect(bad).toMatchObject({ row: 2, column: "Employees", value: "x" });
    expect(bad?.message).toBe('Row 2, column "Employees": "x" is not a number; the cell was left empty.');
  });

  it.each([
    ["empty", ""],
    ["whitespace", " \r\n\r\n"],
    ["BOM only", "\uFEFF"],
    ["header only", "id,Lead Source,Employees\r\n"],
    ["header and blank lines", "id,Lead Source\n\n,\n"],
  ])("%s file → no leads and one empty_file warning", (_name, csv) => {
    const r = parseLeadsCsv(csv, fields, opts);
    expect(r.leads).toEqual([]);
    expect(r.rowCount).toBe(0);
    expect(r.warnings.map((w) => [w.code, w.row])).toEqual([["import.empty_file", 0]]);
  });

  it("fills missing ids and reports duplicate ids, keeping both rows", () => {
    const r = parseLeadsCsv("id,Employees\nd1,1\n,2\nd1,3\nSelect,4\n", fields, { ...opts, placeholders: ["select"] });
    expect(r.leads.map((l) => l.id)).toEqual(["d1", "row-2", "d1", "row-4"]);
    const w = r.warnings.filter((x) => x.code !== "import.missing_created_at");
    expect(w.map((x) => [x.code, x.row, x.params])).toEqual([
      ["import.missing_id", 2, { id: "row-2" }],
      ["import.duplicate_id", 3, { id: "d1", firstRow: 1 }],
      ["import.missing_id", 4, { id: "row-4" }],
    ]);
  });

  it("reads createdAt as a date and fills a bad one with the reference time", () => {
    const r = parseLeadsCsv("id,Created At\nc1,2024-01-02 03:04\nc2,yesterday\nc3,\n", fields, opts);
    expect(r.leads.map((l) => l.createdAt)).toEqual(["2024-01-02T03:04:00.000Z", REF, REF]);
    expect(r.warnings.map((w) => [w.code, w.row, w.value])).toEqual([
      ["import.invalid_created_at", 2, "yesterday"],
      ["import.missing_created_at", 3, undefined],
    ]);
  });

  it("rejects a referenceTime that is not a date: a caller bug, so it throws", () => {
    expect(() => parseLeadsCsv("id\n1\n", fields, { referenceTime: "soon" })).toThrow(RangeError);
  });
});

describe("columns", () => {
  it("maps by key or label ignoring case, spaces, underscores and hyphens; keeps unknown columns", () => {
    const csv = "PROSPECT_ID,lead-source,employees,Vip,  Lead Number ,City\np1,Referral,3,Y,660737,Select\n";
    const r = parseLeadsCsv(csv, fields, opts);
    expect(r.leads[0]).toEqual({
      id: "p1",
      createdAt: REF,
      leadSource: "Referral",
      employees: 3,
      vip: true,
      "Lead Number": "660737",
      City: "Select",
    });
    expect(r.columns.map((c) => [c.column, c.fieldKey, c.known])).toEqual([
      ["PROSPECT_ID", "id", true],
      ["lead-source", "leadSource", true],
      ["employees", "employees", true],
      ["Vip", "vip", true],
      ["Lead Number", "Lead Number", false],
      ["City", "City", false],
    ]);
    expect(r.columns[4]).toMatchObject({ guessedType: "number", sample: ["660737"] });
  });

  it("applies global placeholders to every column, unknown ones included", () => {
    const r = parseLeadsCsv("id,City,Lead Source\nq1,select,SELECT\n", fields, { ...opts, placeholders: ["Select"] });
    expect(r.leads[0]).toMatchObject({ City: null, leadSource: null });
    expect(r.columns[1]?.sample).toEqual([]);
  });

  it("lets columnMap rename, map to a field, or drop a column", () => {
    const csv = "Ref,Size,Secret,Prospect ID\nm1,40,x,p9\n";
    const columnMap = { Ref: "id", Size: "employees", Secret: "", "Prospect ID": "legacyId" };
    const r = parseLeadsCsv(csv, fields, { ...opts, columnMap });
    expect(r.leads[0]).toEqual({ id: "m1", createdAt: REF, employees: 40, legacyId: "p9" });
    expect(r.columns.map((c) => [c.column, c.fieldKey, c.known])).toEqual([
      ["Ref", "id", true],
      ["Size", "employees", true],
      ["Secret", "", false],
      ["Prospect ID", "legacyId", false],
    ]);
  });

  it("gives a field to one column only: key beats label, the first column breaks ties", () => {
    const r = parseLeadsCsv("Prospect ID,ID,id \nlabel,key,key2\n", fields, opts);
    expect(r.leads[0]).toMatchObject({ id: "key" });
    expect(Object.keys(r.leads[0] ?? {})).toEqual(["id", "createdAt"]);
    const conflicts = r.warnings.filter((w) => w.code === "import.column_conflict");
    expect(conflicts.map((w) => [w.column, w.params.winner])).toEqual([
      ["Prospect ID", "ID"],
      ["id", "ID"],
    ]);
  });

  it("renames repeated and empty headers", () => {
    const r = parseLeadsCsv("Email,Email,,Email_2\na,b,c,d\n", [], opts);
    expect(r.columns.map((c) => c.column)).toEqual(["Email", "Email_2", "column_3", "Email_2_2"]);
    expect(r.leads[0]).toMatchObject({ Email: "a", Email_2: "b", column_3: "c", Email_2_2: "d" });
    expect(r.warnings.filter((w) => w.code === "import.duplicate_column")).toHaveLength(2);
  });

  it("drops prototype-named columns with a warning, and pollutes nothing", () => {
    const csv = "id,__proto__,constructor,prototype,toString\nz1,polluted,yes,1,ok\n";
    const r = parseLeadsCsv(csv, fields, { ...opts, columnMap: { toString: "toString" } });
    const lead = r.leads[0] ?? {};
    expect(Object.getPrototypeOf(lead)).toBe(Object.prototype);
    expect(Object.keys(lead)).toEqual(["id", "createdAt", "toString"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(lead))).toEqual({ id: "z1", createdAt: REF, toString: "ok" });
    const reserved = r.warnings.filter((w) => w.code === "import.reserved_column").map((w) => w.column);
    expect(reserved).toEqual(["__proto__", "constructor", "prototype"]);
    expect(r.columns.slice(1, 4).every((c) => c.fieldKey === "")).toBe(true);
  });

  it("refuses a columnMap that targets a reserved key", () => {
    const r = parseLeadsCsv("id,x\nk1,v\n", fields, { ...opts, columnMap: { x: "__proto__" } });
    expect(Object.keys(r.leads[0] ?? {})).toEqual(["id", "createdAt"]);
    expect(codes("id,x\nk1,v\n", { ...opts, columnMap: { x: "__proto__" } })).toContain("import.reserved_column");
  });
});

it("names at most 10 options in a warning", () => {
  const options = Array.from({ length: 12 }, (_, i) => `o${i + 1}`);
  const r = parseLeadsCsv("id,Tier\nt1,gold\n", [{ key: "tier", type: "enum", options }], opts);
  expect(r.warnings[0]?.params.options).toBe("o1, o2, o3, o4, o5, o6, o7, o8, o9, o10, …");
});

it("reports many alike warnings as one group", () => {
  const csv = ["id,Employees", ...Array.from({ length: 50 }, (_, i) => `i${i},many`)].join("\n");
  const groups = summariseWarnings(parseLeadsCsv(csv, fields, opts).warnings);
  expect(groups).toEqual([
    { code: "import.not_a_number", column: "Employees", count: 50, firstRows: [1, 2, 3, 4, 5], example: "many" },
    { code: "import.missing_created_at", count: 50, firstRows: [1, 2, 3, 4, 5] },
  ]);
});

it("reads back any table papaparse writes, as trimmed text", () => {
  const cell = fc.string({ unit: fc.constantFrom("a", "Z", " ", ",", ";", '"', "\n", "\r\n", "é", "|") });
  const table = fc.integer({ min: 1, max: 4 }).chain((width) =>
    fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }).map((rows) => ({
      header: Array.from({ length: width }, (_, i) => `c${i}`),
      rows,
    })),
  );
  fc.assert(
    fc.property(table, ({ header, rows }) => {
      const csv = Papa.unparse({ fields: header, data: rows }, { newline: "\r\n", delimiter: "," });
      const r = parseLeadsCsv(csv, [], opts);
      const nonBlank = rows.filter((row) => row.some((c) => c.trim() !== ""));
      expect(r.leads.length).toBe(nonBlank.length);
      nonBlank.forEach((row, i) => {
        header.forEach((h, j) => {
          const t = (row[j] ?? "").replace(/\r\n?/g, "\n").trim();
          expect(r.leads[i]?.[h]).toBe(t === "" ? null : t);
        });
      });
    }),
  );
});

describe("dates written day/month or month/day (spec §3)", () => {
  const dateFields: FieldDef[] = [{ key: "signup", type: "date" }];
  const base = { referenceTime: "2026-03-02T10:00:00Z" };
  const read = (csv: string, extra: Partial<ImportOptions> = {}) => parseLeadsCsv(csv, dateFields, { ...base, ...extra });

  it("reads the spreadsheet forms with the order chosen once for the column (CLI --date-order)", () => {
    const csv = "id,signup,Created\nk1,02/03/2026 14:05,2026/3/2\nk2,02-03-2026,2026-03-02 14:05\nk3,02.03.2026,02/03/2026\n";
    const dmy = read(csv, { dateOrders: { Created: "mdy" }, dateOrder: "dmy", columnMap: { Created: "createdAt" } });
    expect(dmy.leads.map((l) => l.signup)).toEqual(["2026-03-02T14:05:00.000Z", "2026-03-02T00:00:00.000Z", "2026-03-02T00:00:00.000Z"]);
    expect(dmy.leads.map((l) => l.createdAt)).toEqual(["2026-03-02T00:00:00.000Z", "2026-03-02T14:05:00.000Z", "2026-02-03T00:00:00.000Z"]);
    expect(dmy.warnings).toEqual([]);
    expect(dmy.columns.find((c) => c.column === "signup")?.dateOrder).toBe("dmy");
    expect(read(csv, { dateOrder: "mdy" }).leads[0]?.signup).toBe("2026-02-03T14:05:00.000Z");
  });

  it("takes the order a value of the column settles, for every row of it", () => {
    const r = read("id,signup\nk1,02/03/2026\nk2,25/12/2026\n");
    expect(r.leads.map((l) => l.signup)).toEqual(["2026-03-02T00:00:00.000Z", "2026-12-25T00:00:00.000Z"]);
    expect(r.columns.find((c) => c.column === "signup")?.dateOrder).toBe("dmy");
    expect(read("id,signup\nk1,02/03/2026\nk2,12/25/2026\n").leads[0]?.signup).toBe("2026-02-03T00:00:00.000Z");
  });

  it("asks when nothing settles it (or the column contradicts itself): cells empty, one warning kind, rows kept", () => {
    for (const csv of ["id,signup\nk1,02/03/2026\nk2,04/05/2026\n", "id,signup\nk1,25/12/2026\nk2,12/25/2026\n"]) {
      const r = read(csv);
      expect(r.leads).toHaveLength(2);
      expect(r.leads.map((l) => l.signup)).toEqual([null, null]);
      expect(r.warnings.map((w) => w.code).filter((c) => c !== "import.missing_created_at")).toEqual([
        "import.ambiguous_date",
        "import.ambiguous_date",
      ]);
      expect(r.columns.find((c) => c.column === "signup")?.dateOrder).toBe("ask");
    }
  });
});
