// The engine's texts, composed explicitly in one list (engine modules, then every node type's): no registration, no import order.
import { nodeMessages } from "../../../nodes/messages";
import { conditionMessages } from "../conditions/messages";
import { documentMessages } from "../document/messages";
import { eventMessages } from "../events/messages";
import { exprMessages } from "../expr/messages";
import { importMessages } from "../leads/messages";
import { regexMessages } from "../regex/messages";
import { runMessages } from "../run-messages";
import { validateMessages } from "../validate-messages";
import type { CodeOf, MessageTable } from "./table";

const tables = [
  documentMessages,
  conditionMessages,
  validateMessages,
  runMessages,
  eventMessages,
  exprMessages,
  importMessages,
  regexMessages,
  ...Object.values(nodeMessages),
] as const;

/** Every code of the engine's texts: a function that takes a message code takes one of these. */
export type EngineCode = CodeOf<(typeof tables)[number]>;

export const engineTables: readonly MessageTable[] = tables;
