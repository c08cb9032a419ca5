// The UI text key of each lead status.
import type { Status } from "../../engine";
import type { UiKey } from "../../i18n";

export const STATUS_KEY: Readonly<Record<Status, UiKey>> = {
  assigned: "simui.status.assigned",
  filtered: "simui.status.filtered",
  unassigned: "simui.status.unassigned",
  no_trigger: "simui.status.no_trigger",
  error: "simui.status.error",
};

export function isStatus(value: string): value is Status {
  return Object.hasOwn(STATUS_KEY, value);
}
