import { describe, expect, it } from "vitest";
import { makeClock } from "./time";
import { addDuration, addWorkingMinutes, type WorkCalendar } from "./working-time";

const weekdays = { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" };
const cal = (over: Partial<WorkCalendar> = {}, tz = "UTC"): WorkCalendar => ({
  clock: makeClock(tz),
  hours: weekdays,
  holidays: new Set(),
  ...over,
});
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe("working-hours clock", () => {
  it("carries a deadline over the weekend: Friday 17:50 + 1 working hour is Monday 09:50 (spec example)", () => {
    expect(iso(addWorkingMinutes(at("2026-12-04T17:50:00Z"), 60, cal()))).toBe("2026-12-07T09:50:00.000Z");
  });

  it("starts counting at the next shift when the lead arrives outside working hours", () => {
    expect(iso(addWorkingMinutes(at("2026-12-07T06:00:00Z"), 15, cal()))).toBe("2026-12-07T09:15:00.000Z");
    expect(iso(addWorkingMinutes(at("2026-12-05T12:00:00Z"), 15, cal()))).toBe("2026-12-07T09:15:00.000Z");
  });

  it("ends exactly at the end of a shift when the time fits, and moves on from there", () => {
    expect(iso(addWorkingMinutes(at("2026-12-07T17:00:00Z"), 60, cal()))).toBe("2026-12-07T18:00:00.000Z");
    expect(iso(addWorkingMinutes(at("2026-12-07T18:00:00Z"), 60, cal()))).toBe("2026-12-08T10:00:00.000Z");
  });

  it("skips the flow's holidays and the owner's leave", () => {
    const monday = at("2026-12-04T17:50:00Z");
    expect(iso(addWorkingMinutes(monday, 60, cal({ holidays: new Set(["2026-12-07"]) })))).toBe("2026-12-08T09:50:00.000Z");
    expect(
      iso(addWorkingMinutes(monday, 60, cal({ holidays: new Set(["2026-12-07"]), away: [{ from: "2026-12-08", to: "2026-12-09" }] }))),
    ).toBe("2026-12-10T09:50:00.000Z");
  });

  it("counts a day as one of the owner's working days (9 hours for 09:00–18:00)", () => {
    expect(iso(addDuration(at("2026-12-04T10:00:00Z"), { minutes: 0, days: 1 }, "working_hours", cal()))).toBe("2026-12-07T10:00:00.000Z");
    expect(iso(addDuration(at("2026-12-04T10:00:00Z"), { minutes: 0, days: 1 }, "calendar", cal()))).toBe("2026-12-05T10:00:00.000Z");
  });

  it("counts every minute for an owner without working hours", () => {
    expect(iso(addWorkingMinutes(at("2026-12-05T12:00:00Z"), 90, cal({ hours: undefined })))).toBe("2026-12-05T13:30:00.000Z");
  });

  it("works an overnight shift as belonging to the day it starts on", () => {
    const night = { days: [1, 2, 3, 4, 5], start: "22:00", end: "06:00" };
    // Friday 23:00 → 7 hours left of Friday's shift; 8 hours ends Monday 23:00.
    expect(iso(addWorkingMinutes(at("2026-12-04T23:00:00Z"), 8 * 60, cal({ hours: night })))).toBe("2026-12-07T23:00:00.000Z");
    // Saturday 03:00 is still Friday's shift.
    expect(iso(addWorkingMinutes(at("2026-12-05T03:00:00Z"), 60, cal({ hours: night })))).toBe("2026-12-05T04:00:00.000Z");
  });

  it("keeps local working hours across a daylight-saving change (Berlin, 29 March 2026)", () => {
    const berlin = cal({}, "Europe/Berlin");
    // Friday 27 March 17:30 CET (16:30Z) + 1 h: 30 min Friday, then Monday 30 March 09:30 CEST (07:30Z).
    expect(iso(addWorkingMinutes(at("2026-03-27T16:30:00Z"), 60, berlin))).toBe("2026-03-30T07:30:00.000Z");
    // A calendar day across the change is still 24 hours of the clock.
    expect(iso(addDuration(at("2026-03-28T12:00:00Z"), { minutes: 0, days: 1 }, "calendar", berlin))).toBe("2026-03-29T12:00:00.000Z");
    const shanghai = cal({}, "Asia/Shanghai");
    expect(iso(addWorkingMinutes(at("2026-12-04T09:50:00Z"), 60, shanghai))).toBe("2026-12-07T01:50:00.000Z");
  });
});
