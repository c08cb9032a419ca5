// The engine's translator over its catalogue: every text a user sees comes from a typed table, in both languages.
import { engineTables, type EngineCode } from "./catalogue";
import { flatten, makeTranslator, type Lang, type LocalText, type MessageParams, type Translate } from "./table";

export {
  LANGS,
  defineMessages,
  fill,
  fillWith,
  flatten,
  isLang,
  makeTranslator,
  paramText,
  type CodeOf,
  type Lang,
  type LocalText,
  type MessageParam,
  type MessageParams,
  type MessageTable,
  type Translate,
} from "./table";
export { engineTables, type EngineCode } from "./catalogue";

/** An engine text in a language (falling back to English, then the code itself). */
export const translate: Translate<EngineCode> = makeTranslator(engineTables);

/** Builds a LocalText from one code, for texts precomputed at compile time. */
export function localText(code: EngineCode, params: MessageParams = {}): LocalText {
  return { en: translate(code, params, "en"), "zh-CN": translate(code, params, "zh-CN") };
}

/** Every engine text of one language. */
export function messagesFor(lang: Lang): Record<string, string> {
  return flatten(engineTables, lang);
}
