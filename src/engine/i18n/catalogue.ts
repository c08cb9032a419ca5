// The engine's texts, composed explicitly in one list (engine modules, then every node type's): no registration, no import order.
import { nodeMessages } from "../../../nodes/messages";
import { conditionMessages } from "../conditions/messages";
import { documentMessages } from "../document/messages";
import { exprMessages } from "../expr/messages";
import { importMessages } from "../leads/messages";
import { regexMessages } from "../regex/messages";
import { runMessages } from "../run-messages";
import { validateMessages } from "../validate-messages";
import type { MessageTable } from "./table";

export const engineTables: readonly MessageTable[] = [
  documentMessages,
  conditionMessages,
  validateMessages,
  runMessages,
  exprMessages,
  importMessages,
  regexMessages,
  ...Object.values(nodeMessages),
];
