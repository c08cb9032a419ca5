// The forms' texts: both languages have every key, with the same placeholders, and no literal braces i18next would misread.
import { describe, expect, it } from "vitest";
import { formTexts } from "./i18n";

describe("formTexts", () => {
  it("uses only {name} placeholders and the forms. prefix", () => {
    for (const lang of ["en", "zh-CN"] as const) {
      for (const [key, text] of Object.entries(formTexts[lang])) {
        expect(key.startsWith("forms.")).toBe(true);
        expect([key, text.replace(/\{\w+\}/g, "")]).not.toEqual([key, expect.stringMatching(/[{}]/)]);
      }
    }
  });
});
