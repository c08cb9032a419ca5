// Keeps the leads a flow was tried on with the flow (the library's lead sets): restored when the Leads tab opens, saved after each change.
import { useEffect, useRef, useState } from "react";
import { FIELD_TYPES, type FieldType, type Lead } from "../../engine";
import type { StoredLeadSource, StoredMapping } from "../../storage";
import { useSession } from "../library/context";
import type { Mapping } from "./importLeads";

/** What the Leads tab shows: a file with its mapping, or generated leads; null before anything was chosen. */
export type KeptSource =
  | { readonly kind: "file"; readonly name: string; readonly text: string; readonly mapping: Mapping }
  | { readonly kind: "generated"; readonly count: number; readonly seed: number; readonly leads: readonly Lead[] };

const SAVE_DELAY_MS = 300;

const isFieldType = (t: string): t is FieldType => (FIELD_TYPES as readonly string[]).includes(t);

function toMapping(stored: StoredMapping): Mapping {
  const types: Record<string, FieldType> = {};
  for (const [column, type] of Object.entries(stored.types)) if (isFieldType(type)) types[column] = type;
  return {
    columnMap: { ...stored.columnMap },
    placeholders: [...stored.placeholders],
    types,
    ...(stored.dateOrders ? { dateOrders: { ...stored.dateOrders } } : {}),
  };
}

function toStored(source: KeptSource): StoredLeadSource {
  return source.kind === "file" ? { ...source, mapping: { ...source.mapping } } : source;
}

/**
 * Calls `onRestore` once with what was kept for the open flow (nothing outside a library session), then saves
 * `source` and `outcomeField` whenever they change. Nothing is saved before the restore has answered, so opening the
 * tab never overwrites the kept leads with an empty state. Returns whether the shown leads are kept (saved) now.
 */
export function useKeptLeads(
  source: KeptSource | null,
  outcomeField: string,
  onRestore: (source: KeptSource, outcomeField: string) => void,
): boolean {
  const session = useSession()?.session ?? null;
  const [restored, setRestored] = useState(false);
  const [savedFor, setSavedFor] = useState<{ source: KeptSource; outcomeField: string } | null>(null);
  const restore = useRef(onRestore);
  restore.current = onRestore;

  useEffect(() => {
    if (!session) return;
    let cancelled = false;
    void session.library.leadSets
      .get(session.flowId)
      .then((kept) => {
        if (cancelled) return;
        if (kept) {
          const s = kept.source;
          restore.current(s.kind === "file" ? { ...s, mapping: toMapping(s.mapping) } : s, kept.outcomeField);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        if (!cancelled) setRestored(true);
      });
    return () => {
      cancelled = true;
    };
  }, [session]);

  useEffect(() => {
    if (!session || !restored || !source) return;
    const timer = setTimeout(() => {
      // A failed save loses only the convenience of finding the leads again; the flow itself is saved elsewhere.
      session.library.leadSets
        .put(session.flowId, toStored(source), outcomeField)
        .then(() => setSavedFor({ source, outcomeField }))
        .catch(() => undefined);
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [session, restored, source, outcomeField]);

  return savedFor !== null && savedFor.source === source && savedFor.outcomeField === outcomeField;
}
