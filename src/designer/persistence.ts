// Where the current flow is kept between visits: localStorage for now, behind a tiny interface a Dexie store can replace.
import { safeLoadFlow, type Flow } from "../engine";

export interface FlowPersistence {
  /** The last saved flow, or null when there is none (or it cannot be read at all). */
  load(): Flow | null;
  save(flow: Flow): void;
}

export const CURRENT_FLOW_KEY = "leadwire.currentFlow";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A saved document that fails the schema (a half-filled form) is still opened: it was the user's work and is never thrown away. */
function looksLikeFlow(value: unknown): value is Flow {
  return isRecord(value) && value.format === "leadwire.flow" && Array.isArray(value.nodes) && Array.isArray(value.edges) && Array.isArray(value.fields) && Array.isArray(value.teams);
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

export function localStoragePersistence(storage: Storage, key = CURRENT_FLOW_KEY): FlowPersistence {
  return {
    load() {
      const text = storage.getItem(key);
      return text === null ? null : parseSavedFlow(text);
    },
    save(flow) {
      try {
        storage.setItem(key, JSON.stringify(flow));
      } catch {
        // Quota exceeded or storage disabled: the flow stays in memory; the library (Dexie) replaces this store.
      }
    },
  };
}

/**
 * Saves the latest flow once changes pause for `delayMs` (a drag saves once, at its end), and at the latest `maxWaitMs`
 * after the first unsaved change; `flush` saves now (page hide).
 */
export function debouncedSaver(persistence: FlowPersistence, delayMs = 400, maxWaitMs = 3000): { schedule(flow: Flow): void; flush(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: Flow | null = null;
  let firstPendingAt = 0;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending) persistence.save(pending);
    pending = null;
  };
  return {
    schedule(flow) {
      const now = Date.now();
      if (pending === null) firstPendingAt = now;
      pending = flow;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, Math.max(0, Math.min(delayMs, firstPendingAt + maxWaitMs - now)));
    },
    flush,
  };
}
