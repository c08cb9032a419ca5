// The runtime's translator, composed explicitly: the engine's tables, the CLI's and the service's.
import { engineTables, makeTranslator } from "../engine/i18n";
import { cliMessages } from "./cli-messages";
import { serviceMessages } from "./service/messages";

export const runtimeTables = [...engineTables, cliMessages, serviceMessages];

/** Any engine, CLI or service text by code, in a language. */
export const translate = makeTranslator(runtimeTables);
