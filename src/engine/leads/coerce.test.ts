// Coercion of single values by field type, and type guessing: tables of input → expected output.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coerceValue, guessFieldType } from "./index";
import type { FieldDef, FieldType, ImportWarningCode, LeadValue } from "./index";

type Row = [raw: unknown, expected: LeadValue | ImportWarningCode];

function check(field: FieldDef, rows: Row[]): void {
  it.each(rows)(`${field.type}: %j → %j`, (raw, expected) => {
    const r = coerceValue(raw, field);
    if (typeof expected === "string" && expected.startsWith("import.")) {
      expect(r).toEqual({ ok: false, code: expected });
    } else {
      expect(r).toEqual({ ok: true, value: expected });
    }
  });
}

describe("number", () => {
  check({ key: "n", type: "number" }, [
    ["42", 42],
    [" 42 ", 42],
    ["-3.5", -3.5],
    ["+7", 7],
    [".5", 0.5],
    ["5.", 5],
    ["1e3", 1000],
    ["-0", 0],
    ["1,234.5", 1234.5],
    ["1,234,567", 1234567],
    ["-1,234,567.25", -1234567.25],
    // ambiguous or malformed: refused rather than guessed
    ["1,234", "import.not_a_number"],
    ["12,5", "import.not_a_number"],
    ["1,23,456", "import.not_a_number"],
    ["1.234.567", "import.not_a_number"],
    ["0x1F", "import.not_a_number"],
    ["Infinity", "import.not_a_number"],
    ["NaN", "import.not_a_number"],
    ["1e999", "import.not_a_number"],
    ["12 345", "import.not_a_number"],
    ["$5", "import.not_a_number"],
    ["38.5%", "import.not_a_number"],
    ["abc", "import.not_a_number"],
    // JSON / JS values
    [7, 7],
    [-0, 0],
    [2.5, 2.5],
    [Number.NaN, "import.not_a_number"],
    [Infinity, "import.not_a_number"],
    [true, "import.not_a_number"],
    [[1], "import.not_a_number"],
    [{}, "import.not_a_number"],
    ["", null],
    ["   ", null],
    [null, null],
    [undefined, null],
  ]);

  it("reads back every finite double written by String()", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const r = coerceValue(String(n), { key: "n", type: "number" });
        expect(r).toEqual({ ok: true, value: n === 0 ? 0 : n });
      }),
    );
  });
});

it("reads hostile cells in linear time", () => {
  const t0 = performance.now();
  const long = "1".repeat(200_000);
  for (const type of ["number", "date", "boolean", "list"] as const) {
    coerceValue(`${long}x`, { key: "k", type });
    coerceValue(`2024-01-01 10:00${" ".repeat(200_000)}x`, { key: "k", type });
  }
  guessFieldType([`${long}x`, `${"a;".repeat(100_000)}`]);
  expect(performance.now() - t0).toBeLessThan(500);
});

describe("boolean", () => {
  check({ key: "b", type: "boolean" }, [
    ["true", true],
    ["TRUE", true],
    ["Yes", true],
    [" yes ", true],
    ["Y", true],
    ["1", true],
    ["是", true],
    ["false", false],
    ["No", false],
    ["n", false],
    ["0", false],
    ["否", false],
    ["maybe", "import.not_a_boolean"],
    ["2", "import.not_a_boolean"],
    ["on", "import.not_a_boolean"],
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    [2, "import.not_a_boolean"],
    ["", null],
  ]);
});

describe("date", () => {
  check({ key: "d", type: "date" }, [
    ["2024-03-05", "2024-03-05T00:00:00.000Z"],
    ["2024/03/05", "2024-03-05T00:00:00.000Z"],
    ["2024-3-5", "2024-03-05T00:00:00.000Z"],
    ["2024-03-05 14:30", "2024-03-05T14:30:00.000Z"],
    ["2024-03-05 14:30:15", "2024-03-05T14:30:15.000Z"],
    ["2024-03-05T14:30:15", "2024-03-05T14:30:15.000Z"],
    ["2024-03-05T14:30:15.123456Z", "2024-03-05T14:30:15.123Z"],
    ["2024-03-05T14:30:15+02:00", "2024-03-05T12:30:15.000Z"],
    ["2024-03-05T01:00:00-0530", "2024-03-05T06:30:00.000Z"],
    ["2024-03-05t14:30z", "2024-03-05T14:30:00.000Z"],
    ["2024-02-29", "2024-02-29T00:00:00.000Z"],
    ["0050-01-01", "0050-01-01T00:00:00.000Z"],
    ["2023-02-29", "import.not_a_date"],
    ["2024-13-01", "import.not_a_date"],
    ["2024-04-31", "import.not_a_date"],
    ["2024-03-05 24:00", "import.not_a_date"],
    ["2024-03-05 12:60", "import.not_a_date"],
    // Day and month in an order the column decides: one value alone is never guessed.
    ["05/03/2024", "import.ambiguous_date"],
    ["13/03/2024", "import.ambiguous_date"],
    ["March 5, 2024", "import.not_a_date"],
    ["2024-03-05Z", "import.not_a_date"],
    ["2024-03-05/12", "import.not_a_date"],
    ["1709596800000", "import.not_a_date"],
    [1709596800000, "import.not_a_date"],
    [new Date("2024-03-05T10:00:00Z"), "2024-03-05T10:00:00.000Z"],
    [new Date("nope"), "import.not_a_date"],
    ["", null],
  ]);
});

describe("enum", () => {
  const field: FieldDef = { key: "e", type: "enum", options: ["Software", "Retail", "N/A"] };
  check(field, [
    ["software", "Software"],
    [" RETAIL ", "Retail"],
    ["n/a", "N/A"],
    ["Other", "import.not_an_option"],
    ["soft", "import.not_an_option"],
    [true, "import.not_an_option"],
    [["Retail"], "import.not_an_option"],
    ["", null],
  ]);
  check({ key: "e", type: "enum", options: ["1", "2"] }, [
    [2, "2"],
    [3, "import.not_an_option"],
  ]);
  check({ key: "e", type: "enum" }, [["anything", "anything"]]);
});

describe("list", () => {
  check({ key: "l", type: "list" }, [
    ["crm; erp", ["crm", "erp"]],
    ["a|b | c", ["a", "b", "c"]],
    ["a;;b;", ["a", "b"]],
    ["solo", ["solo"]],
    [";", null],
    [" | ", null],
    [
      ["x ", " y", ""],
      ["x", "y"],
    ],
    [
      ["a", 1, true],
      ["a", "1", "true"],
    ],
    [[], null],
    [[{ a: 1 }], "import.not_a_list"],
    [[["nested"]], "import.not_a_list"],
    [5, ["5"]],
    [{ a: 1 }, "import.not_a_list"],
    ["", null],
  ]);
});

describe("string", () => {
  check({ key: "s", type: "string" }, [
    ["  Ann  ", "Ann"],
    ["0042", "0042"],
    [42, "42"],
    [false, "false"],
    ["", null],
    ["\t", null],
    [["a"], "import.not_a_string"],
    [{ a: 1 }, "import.not_a_string"],
    [Number.NaN, "import.not_a_number"],
  ]);
});

describe("placeholders", () => {
  const field: FieldDef = { key: "s", type: "string", placeholders: ["Select", " N/A "] };
  check(field, [
    ["Select", null],
    [" select ", null],
    ["n/a", null],
    ["Selected", "Selected"],
  ]);
  check({ key: "l", type: "list", placeholders: ["Select"] }, [["a;Select;b", ["a", "b"]]]);
  check({ key: "n", type: "number", placeholders: ["-"] }, [
    ["-", null],
    ["-1", -1],
  ]);
});

it("never throws, whatever the value", () => {
  const types: FieldType[] = ["string", "number", "boolean", "date", "enum", "list"];
  fc.assert(
    fc.property(fc.anything(), fc.constantFrom(...types), (raw, type) => {
      const r = coerceValue(raw, { key: "k", type, options: ["a"] });
      expect(typeof r.ok).toBe("boolean");
    }),
  );
});

describe("guessFieldType", () => {
  it.each<[string[], FieldType]>([
    [[], "string"],
    [["", " "], "string"],
    [["Yes", "No", "yes"], "boolean"],
    [["0", "1", "1", ""], "boolean"],
    [["是", "否"], "boolean"],
    [["0", "5", "2.5", "251"], "number"],
    [["1,234,567", "-3"], "number"],
    [["2024-01-01", "2024-02-03 10:00"], "date"],
    [["crm; erp", "erp", "sales|crm"], "list"],
    [["a;b", "This is a long sentence; it reads as prose, not as a list of short items"], "string"],
    [["Google", "google", "Direct", "Direct", "Organic", "Google"], "enum"],
    [["a", "b", "c", "d"], "string"],
    [["7927b2df-8bba", "2a272436-5132"], "string"],
  ])("%j → %s", (values, type) => {
    expect(guessFieldType(values)).toBe(type);
  });
});
