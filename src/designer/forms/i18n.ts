// The inspector forms' texts in both languages, for the designer to merge into i18next's resources (keys all start with "forms.").
import { formsEn, type FormKey } from "./texts/en";
import { formsZhCN } from "./texts/zh-CN";

export type { FormKey };

export const formTexts: { readonly en: { readonly [K in FormKey]: string }; readonly "zh-CN": { readonly [K in FormKey]: string } } = {
  en: formsEn,
  "zh-CN": formsZhCN,
};
