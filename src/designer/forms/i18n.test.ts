// The forms' texts: both languages have every key, with the same placeholders, and no literal braces i18next would misread.
import { describe, expect, it } from "vitest";
import { formTexts, type FormKey } from "./i18n";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("formTexts", () => {
  it("has the same keys and placeholders in English and Chinese", () => {
    const keys = Object.keys(formTexts.en) as FormKey[];
    expect(Object.keys(formTexts["zh-CN"]).sort()).toEqual([...keys].sort());
    for (const key of keys) expect([key, placeholders(formTexts["zh-CN"][key])]).toEqual([key, placeholders(formTexts.en[key])]);
  });

  it("uses only {name} placeholders and the forms. prefix", () => {
    for (const lang of ["en", "zh-CN"] as const) {
      for (const [key, text] of Object.entries(formTexts[lang])) {
        expect(key.startsWith("forms.")).toBe(true);
        expect([key, text.replace(/\{\w+\}/g, "")]).not.toEqual([key, expect.stringMatching(/[{}]/)]);
      }
    }
  });
});
