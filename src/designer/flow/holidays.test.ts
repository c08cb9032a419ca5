// Holidays in the flow settings: a pasted list read line by line, and the document keys written back.
import { describe, expect, it } from "vitest";
import type { Flow } from "../../engine";
import { holidaysOf, parseHolidayList, writeHolidays } from "./holidays";

describe("a pasted holiday list", () => {
  it("reads one date per line in the usual spellings, with the rest of the line as the name", () => {
    const text = "2026-12-25 Christmas Day\n2026/12/26, Boxing Day\n01.01.2027\tNew Year\n2027年2月17日 春节\n\n  2027-5-1 ";
    expect(parseHolidayList(text)).toEqual({
      holidays: [
        { date: "2026-12-25", name: "Christmas Day" },
        { date: "2026-12-26", name: "Boxing Day" },
        { date: "2027-01-01", name: "New Year" },
        { date: "2027-02-17", name: "春节" },
        { date: "2027-05-01", name: "" },
      ],
      unread: [],
    });
  });

  it("lists lines without a real date instead of guessing", () => {
    expect(parseHolidayList("Christmas\n2026-02-30 not a day\n12/25/2026")).toEqual({
      holidays: [],
      unread: ["Christmas", "2026-02-30 not a day", "12/25/2026"],
    });
  });
});

describe("holidays in the document", () => {
  it("keeps dates sorted and unique, names beside them, and removes both keys when empty", () => {
    const settings: NonNullable<Flow["settings"]> = { timezone: "Europe/Berlin" };
    writeHolidays(settings, [
      { date: "2026-12-26", name: "" },
      { date: "2026-12-25", name: "Christmas" },
      { date: "2026-12-26", name: "Boxing Day" },
    ]);
    expect(settings).toEqual({
      timezone: "Europe/Berlin",
      holidays: ["2026-12-25", "2026-12-26"],
      holidayNames: { "2026-12-25": "Christmas", "2026-12-26": "Boxing Day" },
    });
    expect(holidaysOf(settings)).toEqual([
      { date: "2026-12-25", name: "Christmas" },
      { date: "2026-12-26", name: "Boxing Day" },
    ]);
    writeHolidays(settings, []);
    expect(settings).toEqual({ timezone: "Europe/Berlin" });
  });
});
