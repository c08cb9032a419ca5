// Every node type's texts (engine and designer), one exhaustive record: the engine's catalogue takes them from here.
import type { NodeTypeName } from "./schemas";
import type { MessageTable } from "../src/engine/i18n/table";
import { capMessages } from "./cap/i18n";
import { filterMessages } from "./filter/i18n";
import { followUpMessages } from "./follow_up/i18n";
import { notifyMessages } from "./notify/i18n";
import { routeMessages } from "./route/i18n";
import { scoreMessages } from "./score/i18n";
import { triggerMessages } from "./trigger/i18n";

export const nodeMessages = {
  trigger: triggerMessages,
  filter: filterMessages,
  score: scoreMessages,
  route: routeMessages,
  cap: capMessages,
  notify: notifyMessages,
  follow_up: followUpMessages,
} as const satisfies { readonly [K in NodeTypeName]: MessageTable };
