// The forms' translation hook: typed keys of formTexts plus engine codes (node names, strategies, windows) through i18next.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { FormKey } from "./i18n";

export type FormParams = Readonly<Record<string, string | number>>;

export interface FormTranslator {
  /** One of the forms' own texts. */
  readonly t: (key: FormKey, params?: FormParams) => string;
  /** An engine text by code, e.g. `strategy.round_robin.help`. */
  readonly te: (code: string, params?: FormParams) => string;
}

export function useFormT(): FormTranslator {
  const { t } = useTranslation();
  return useMemo(() => ({
    t: (key: FormKey, params?: FormParams) => t(key, params ?? {}),
    te: (code: string, params?: FormParams) => t(code, params ?? {}),
  }), [t]);
}
