// i18next for the designer over the one catalogue (src/i18n/catalogue.ts), `{name}` placeholders, the language remembered and guessed.
import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { LANGS, isLang, type Lang } from "../engine";
import { resourcesFor, uiTexts, type FormKey, type UiKey } from "./catalogue";

export const LANG_STORAGE_KEY = "leadwire.lang";

export { resourcesFor };

/** The remembered choice, else the browser's first language (any zh* → 简体中文), else English. */
export function detectLang(stored: string | null, browserLanguages: readonly string[]): Lang {
  if (isLang(stored)) return stored;
  for (const tag of browserLanguages) {
    if (/^zh\b/i.test(tag)) return "zh-CN";
    if (/^en\b/i.test(tag)) return "en";
  }
  return "en";
}

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === "undefined") return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/** Creates and initialises the i18next instance synchronously (all texts are bundled; nothing is fetched). */
export function createI18n(lang: Lang = detectLang(storage()?.getItem(LANG_STORAGE_KEY) ?? null, browserLanguages())): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: "en",
    supportedLngs: [...LANGS],
    resources: Object.fromEntries(LANGS.map((l) => [l, { translation: resourcesFor(l) }])),
    interpolation: { prefix: "{", suffix: "}", escapeValue: false },
    keySeparator: false,
    nsSeparator: false,
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  });
  syncDocumentLang(lang);
  return instance;
}

function syncDocumentLang(lang: Lang): void {
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

/** Switches the whole UI and remembers the choice for the next visit. */
export async function setLanguage(instance: i18n, lang: Lang): Promise<void> {
  await instance.changeLanguage(lang);
  storage()?.setItem(LANG_STORAGE_KEY, lang);
  syncDocumentLang(lang);
}

export function currentLang(instance: i18n): Lang {
  const lang = instance.language;
  return isLang(lang) ? lang : "en";
}

/** The designer's own texts (kept under its old name for the browser tests). */
export const UI_TEXTS = uiTexts;
export type { FormKey, UiKey };
