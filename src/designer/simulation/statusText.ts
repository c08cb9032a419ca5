// The UI text key of each lead status.
import type { OutcomeStatus } from "../../engine";
import type { UiKey } from "../../i18n";

export const STATUS_KEY: Readonly<Record<OutcomeStatus, UiKey>> = {
  assigned: "simui.status.assigned",
  filtered: "simui.status.filtered",
  unassigned: "simui.status.unassigned",
  no_trigger: "simui.status.no_trigger",
  error: "simui.status.error",
  waiting: "simui.status.waiting",
};

export function isStatus(value: string): value is OutcomeStatus {
  return Object.hasOwn(STATUS_KEY, value);
}
