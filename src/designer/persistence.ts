// Reads the flow the earlier localStorage designer kept, so start-up can move it into the flow library (nothing is lost).
import { safeLoadFlow, type Flow } from "../engine";

/** Where the localStorage designer kept its one flow (before the library, issue 6). */
export const CURRENT_FLOW_KEY = "leadwire.currentFlow";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A saved document that fails the schema (a half-filled form) is still opened: it was the user's work and is never thrown away. */
function looksLikeFlow(value: unknown): value is Flow {
  return (
    isRecord(value) &&
    value.format === "leadwire.flow" &&
    Array.isArray(value.nodes) &&
    Array.isArray(value.edges) &&
    Array.isArray(value.fields) &&
    Array.isArray(value.teams)
  );
}

export function parseSavedFlow(text: string): Flow | null {
  const loaded = safeLoadFlow(text);
  if (loaded.ok) return loaded.flow;
  try {
    const raw: unknown = JSON.parse(text);
    return looksLikeFlow(raw) ? raw : null;
  } catch {
    return null;
  }
}

/** The flow left in `storage` by the localStorage designer, or null. */
export function readLegacyFlow(storage: Pick<Storage, "getItem">, key = CURRENT_FLOW_KEY): Flow | null {
  const text = storage.getItem(key);
  return text === null ? null : parseSavedFlow(text);
}
