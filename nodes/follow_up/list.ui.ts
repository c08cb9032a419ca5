// Editing one of the follow-up's lists (reminders, cadence steps) as undoable steps, with stable row keys through add, remove and move.
import type { Draft } from "immer";
import type { FieldDef, Flow } from "../../src/engine";
import type { ConfigUpdate } from "../../src/designer/forms/InspectorFrame";
import { useRowKeys } from "../../src/designer/forms/controls/useRowKeys";
import type { CadenceStep, FollowUpConfig, Reminder } from "./schema";

/** What the reminders and the cadence section each get from the form. */
export interface FollowUpListProps {
  readonly config: FollowUpConfig;
  readonly nodeId: string;
  readonly flow: Flow;
  readonly fields: readonly FieldDef[];
  readonly update: ConfigUpdate<"follow_up">;
}

type ListKey = "remind" | "cadence";
type Item<K extends ListKey> = K extends "remind" ? Reminder : CadenceStep;

export function useFollowUpList<K extends ListKey>(config: FollowUpConfig, key: K, nodeId: string, update: ConfigUpdate<"follow_up">) {
  const items = (config[key] ?? []) as readonly Item<K>[];
  const rows = useRowKeys(items.length);
  /** The list in the draft, created when missing (both lists are optional in the document). */
  const listOf = (c: Draft<FollowUpConfig>) => (c[key] ??= []) as Draft<Item<K>>[];
  return {
    items,
    keys: rows.keys,
    /** `typing` names the box being typed in, so a run of keystrokes is one undo step. */
    edit: (index: number, recipe: (item: Draft<Item<K>>) => void, typing?: string) =>
      update(
        (c) => {
          const item = listOf(c)[index];
          if (item) recipe(item);
        },
        typing ? { mark: `${nodeId}:${key}:${index}:${typing}` } : undefined,
      ),
    add: (item: Item<K>) => {
      rows.inserted(items.length);
      update((c) => {
        listOf(c).push(item as Draft<Item<K>>);
      });
    },
    remove: (index: number) => {
      rows.removed(index);
      update((c) => {
        listOf(c).splice(index, 1);
      });
    },
    move: (from: number, to: number) => {
      rows.moved(from, to);
      update((c) => {
        const list = listOf(c);
        const [item] = list.splice(from, 1);
        if (item) list.splice(to, 0, item);
      });
    },
  };
}
