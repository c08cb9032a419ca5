// Roster CSV import: headers in any case, lists and working hours read, broken cells reported by row and column, no row lost.
import { describe, expect, it } from "vitest";
import type { Member } from "../../../engine";
import { parseDays, parseRosterCsv, parseTime } from "./rosterCsv";
import { slugify, uniqueId } from "./ids";

describe("parseRosterCsv", () => {
  it("reads members with case-insensitive headers, lists, capacity and working hours", () => {
    const csv =
      "Name,EMAIL,Weight,Regions,Skills,Per Day,max_open,Days,Start,End,Active\n" +
      "Ann Lee,ann@example.com,2,DE;FR,crm|erp,20,15,Mon-Fri,9:00,18:00,yes\n" +
      "Bo Chen,bo@example.com,1,US,,,,1-3,8,16,0\n";
    const r = parseRosterCsv(csv, []);
    expect(r.problems).toEqual([]);
    expect(r.added).toBe(2);
    expect(r.members).toEqual([
      {
        id: "ann-lee",
        name: "Ann Lee",
        email: "ann@example.com",
        active: true,
        weight: 2,
        capacity: { perDay: 20, maxOpen: 15 },
        attributes: { regions: ["DE", "FR"], skills: ["crm", "erp"] },
        workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" },
      },
      {
        id: "bo-chen",
        name: "Bo Chen",
        email: "bo@example.com",
        active: false,
        weight: 1,
        attributes: { regions: ["US"] },
        workingHours: { days: [1, 2, 3], start: "08:00", end: "16:00" },
      },
    ]);
  });

  it("keeps a broken row, lists each problem with row, column and value, and keeps the good rows", () => {
    const csv = "name,email,weight,open leads\nAnn,ann@example.com,2,3\nBob,bob-at-example,lots,2.5\nCy,cy@example.com,1,0\n";
    const r = parseRosterCsv(csv, []);
    expect(r.members.map((m) => m.name)).toEqual(["Ann", "Bob", "Cy"]);
    expect(r.members[1]).toEqual({ id: "bob", name: "Bob", email: "bob-at-example" });
    expect(r.problems).toEqual([
      { row: 2, code: "bad_email", column: "email", value: "bob-at-example" },
      { row: 2, code: "bad_number", column: "weight", value: "lots" },
      { row: 2, code: "not_whole", column: "open leads", value: "2.5" },
    ]);
  });

  it("updates members named by id or email, adds the rest, and never merges two rows of one file", () => {
    const existing: Member[] = [{ id: "ann", name: "Ann", email: "ann@example.com", weight: 1 }];
    const r = parseRosterCsv("email,weight,team role\nANN@example.com,3,lead\nzed@example.com,1,\nzed@example.com,2,\n", existing);
    expect(r.updated).toBe(1);
    expect(r.added).toBe(2);
    expect(r.members[0]).toEqual({ id: "ann", name: "Ann", email: "ANN@example.com", weight: 3, attributes: { "team role": "lead" } });
    expect(r.members.slice(1).map((m) => m.id)).toEqual(["zed", "zed-2"]);
    expect(r.extraColumns).toEqual(["team role"]);
    expect(r.problems.filter((p) => p.code === "no_name").map((p) => p.row)).toEqual([2, 3]);
  });

  it("reports a file without rows and a reserved id", () => {
    expect(parseRosterCsv("name,email\n", []).problems).toEqual([{ row: 0, code: "no_rows" }]);
    const r = parseRosterCsv("id,name\n__proto__,Eve\n", []);
    expect(r.members[0]?.id).toBe("member-1");
    expect(r.problems).toEqual([{ row: 1, code: "duplicate_id", column: "id", value: "__proto__" }]);
  });

  it("reads days, times and ids", () => {
    expect(parseDays("Sat-Mon")).toEqual([1, 6, 7]);
    expect(parseDays("mon;wed, 5")).toEqual([1, 3, 5]);
    expect(parseDays("weekdays")).toBeNull();
    expect(parseTime("7")).toBe("07:00");
    expect(parseTime("25:00")).toBeNull();
    expect(slugify("  José Müller ")).toBe("josé-müller");
    expect(slugify("张伟")).toBe("张伟");
    expect(uniqueId("ann", ["ann", "ann-2"], "member")).toBe("ann-3");
  });
});
