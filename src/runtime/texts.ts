// The runtime's translator, composed explicitly: the engine's tables, the CLI's and the service's.
import { engineTables, makeTranslator, type CodeOf, type EngineCode, type Translate } from "../engine";
import { cliMessages } from "./cli-messages";
import { serviceMessages } from "./service/messages";
import { suggestCommandMessages } from "./suggest-command-messages";

export const runtimeTables = [...engineTables, cliMessages, serviceMessages, suggestCommandMessages];

/** Any engine, CLI or service text by code, in a language. */
/** Every code the runtime has a text for. */
export type RuntimeCode = EngineCode | CodeOf<typeof cliMessages> | CodeOf<typeof serviceMessages> | CodeOf<typeof suggestCommandMessages>;

export const translate: Translate<RuntimeCode> = makeTranslator(runtimeTables);
