// The designer's whole catalogue, composed explicitly in this one place: the engine's tables (engine modules and
// every node type), the flow library's, the simulation's, the inspector forms' and the designer's own.
import { engineTables, flatten, makeTranslator, type Lang, type MessageTable } from "../engine";
import { simulationMessages } from "../simulation/messages";
import { followUpMessages } from "../simulation/follow-up-messages";
import { suggestMessages } from "../simulation/suggest/messages";
import { storageMessages } from "../storage/messages";
import { en, type UiKey } from "./en";
import { formsEn, type FormKey } from "./forms-en";
import { formsZhCN } from "./forms-zh-CN";
import { zhCN } from "./zh-CN";

export type { FormKey, UiKey };

export const formTexts: MessageTable<FormKey> = { en: formsEn, "zh-CN": formsZhCN };
export const uiTexts: MessageTable<UiKey> = { en, "zh-CN": zhCN };

/** Every table the designer shows texts from; a code appears in one table only (a test checks). */
export const uiTables: readonly MessageTable[] = [
  ...engineTables,
  storageMessages,
  simulationMessages,
  followUpMessages,
  suggestMessages,
  formTexts,
  uiTexts,
];

/** Any text of the catalogue by code, in a language. */
export const translate = makeTranslator(uiTables);

/** One flat table per language for i18next (keys contain dots, so no key separator). */
export function resourcesFor(lang: Lang): Record<string, string> {
  return flatten(uiTables, lang);
}
