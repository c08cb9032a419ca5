// The fixed-format ISO reader and writer agree with Date.parse and toISOString wherever they answer.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoTime, parseIsoUtc } from "./iso-time";

const MAX = 253_402_300_799_999;

describe("ISO 8601 UTC times without Date", () => {
  it("writes exactly what toISOString writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }), (ms) => {
        expect(isoTime(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it("reads exactly what Date.parse reads, for toISOString's text with and without milliseconds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX }), fc.boolean(), (ms, millis) => {
        const text = millis ? new Date(ms).toISOString() : new Date(ms - (ms % 1000)).toISOString().replace(".000Z", "Z");
        expect(parseIsoUtc(text)).toBe(Date.parse(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it("answers NaN (the general path) for out-of-range parts, other formats and rolled-over dates", () => {
    for (const text of [
      "2026-02-29T10:00:00Z",
      "2026-02-30T10:00:00Z",
      "2026-04-31T10:00:00Z",
      "2026-13-01T10:00:00Z",
      "2026-03-02T24:00:00Z",
      "2026-03-02T10:60:00Z",
      "2026-03-02T10:00:60Z",
      "2026-03-02T10:00Z",
      "2026-03-02T10:00:00",
      "2026-03-02T10:00:00+01:00",
      "2026-03-02 10:00:00Z",
      "2026-03-02T10:00:00.5Z",
      "２０２６-03-02T10:00:00Z",
    ])
      expect(parseIsoUtc(text)).toBeNaN();
    expect(parseIsoUtc("2024-02-29T23:59:59.999Z")).toBe(Date.parse("2024-02-29T23:59:59.999Z"));
  });

  it("reads any text with the fast path's shape as Date.parse does when both answer", () => {
    const digit = fc.constantFrom(..."0123456789".split(""));
    const digits = (k: number) => fc.array(digit, { minLength: k, maxLength: k }).map((d) => d.join(""));
    fc.assert(
      fc.property(digits(4), digits(2), digits(2), digits(2), digits(2), digits(2), (y, mo, d, h, mi, s) => {
        const text = `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
        const fast = parseIsoUtc(text);
        if (!Number.isNaN(fast)) expect(fast).toBe(Date.parse(text));
      }),
      { numRuns: 20_000 },
    );
  });
});
