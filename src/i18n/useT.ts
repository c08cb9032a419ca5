// The designer's one translation hook: typed UI and form keys, any catalogue text by code, and the current language.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { translate } from "./catalogue";
import type { Lang, MessageParams } from "../engine";
import { currentLang, type FormKey, type UiKey } from "./index";

export type Params = Readonly<Record<string, string | number>>;
export type T = (key: UiKey | FormKey, params?: Params) => string;

export interface Translator {
  readonly t: T;
  /** A text by code from the whole catalogue (node names, issues, strategies); params may carry texts in both languages. */
  readonly te: (code: string, params?: MessageParams) => string;
  readonly lang: Lang;
}

/** The same functions until the language changes, so callbacks built on them stay stable (React Flow re-reads a changed handler prop). */
export function useT(): Translator {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n);
  return useMemo(
    () => ({
      t: (key, params) => t(key, params ?? {}),
      te: (code, params) => translate(code, params ?? {}, lang),
      lang,
    }),
    [t, lang],
  );
}
