// The inspector forms' texts in both languages (the table lives with every other UI text in src/i18n).
export { formTexts, type FormKey } from "../../i18n/catalogue";
