// The designer's translation hook: typed UI keys, engine codes by name, and the current language.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { type Lang, type MessageParams, translate } from "../engine";
import { currentLang, type UiKey } from "./index";

export type Params = Readonly<Record<string, string | number>>;
export type T = (key: UiKey, params?: Params) => string;

export interface Translator {
  readonly t: T;
  /** An engine text (node names, issues); params may carry texts precomputed in both languages. */
  readonly te: (code: string, params?: MessageParams) => string;
  readonly lang: Lang;
}

/** The same functions until the language changes, so callbacks built on them stay stable (React Flow re-reads a changed handler prop). */
export function useT(): Translator {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  return useMemo(() => ({
    t: (key, params) => t(key, params ?? {}),
    te: (code, params) => translate(code, params ?? {}, lang),
    lang,
  }), [t, lang]);
}
