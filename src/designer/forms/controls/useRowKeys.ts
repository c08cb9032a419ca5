// Stable React keys for rows that have no id (rules, bands), kept in step with add, remove and move.
import { useRef, useState } from "react";

export interface RowKeys {
  readonly keys: readonly string[];
  readonly inserted: (index: number) => void;
  readonly removed: (index: number) => void;
  readonly moved: (from: number, to: number) => void;
}

/** When the row count changes from outside (undo), keys are made anew: text boxes then show the document's values. */
export function useRowKeys(length: number): RowKeys {
  const counter = useRef(0);
  const fresh = () => `row-${++counter.current}`;
  const [keys, setKeys] = useState<string[]>(() => Array.from({ length }, fresh));
  let current = keys;
  if (keys.length !== length) {
    current = Array.from({ length }, fresh);
    setKeys(current);
  }
  return {
    keys: current,
    inserted: (index) => setKeys((k) => [...k.slice(0, index), fresh(), ...k.slice(index)]),
    removed: (index) => setKeys((k) => k.filter((_, i) => i !== index)),
    moved: (from, to) => setKeys((k) => moveItem(k, from, to)),
  };
}

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}
