// The designer's texts: both languages complete, engine texts merged in, `{name}` placeholders filled, the language guessed and remembered.
import { describe, expect, it } from "vitest";
import { LANGS } from "../engine";
import { createI18n, detectLang, resourcesFor } from "./index";

describe("designer texts", () => {
  it("merges the engine's texts (node names) and the forms' with the UI's", () => {
    for (const lang of LANGS) {
      const r = resourcesFor(lang);
      expect(r["node.route.name"]).toBeTruthy();
      expect(r["toolbar.undo"]).toBeTruthy();
      expect(r["forms.yes"]).toBeTruthy();
    }
    expect(resourcesFor("zh-CN")["node.route.name"]).toBe("分配");
  });

  it("fills {name} placeholders and switches language", async () => {
    const i18n = createI18n("en");
    expect(i18n.t("canvas.refused", { reason: "loop" })).toBe("Connection refused: loop");
    await i18n.changeLanguage("zh-CN");
    expect(i18n.t("canvas.refused", { reason: "循环" })).toBe("无法连接：循环");
    expect(i18n.t("node.filter.name")).toBe("过滤");
  });

  it("guesses the language: remembered choice first, then any zh* browser language", () => {
    expect(detectLang("zh-CN", ["en-US"])).toBe("zh-CN");
    expect(detectLang(null, ["zh-TW", "en"])).toBe("zh-CN");
    expect(detectLang(null, ["de-DE", "en-GB"])).toBe("en");
    expect(detectLang("fr", ["fr-FR"])).toBe("en");
  });
});
