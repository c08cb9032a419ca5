// The designer's remembered room settings (palette folded, minimap shown, Leads & Run height), kept in localStorage per browser.
import { useCallback, useState } from "react";
import { z } from "zod";

const KEY = "leadwire.room";

const Prefs = z.object({
  paletteFolded: z.boolean().catch(false),
  minimap: z.boolean().catch(false),
  simHeight: z.number().int().min(80).max(4000).catch(300),
});
export type RoomPrefs = z.infer<typeof Prefs>;

const DEFAULTS: RoomPrefs = { paletteFolded: false, minimap: false, simHeight: 300 };

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled (private mode, sandboxed frame): settings live for the session only
  }
}

export function readPrefs(): RoomPrefs {
  const raw = storage()?.getItem(KEY);
  if (!raw) return DEFAULTS;
  try {
    const parsed = Prefs.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULTS;
  } catch {
    return DEFAULTS;
  }
}

/** One remembered setting: the value and a setter that also stores it. */
export function useRoomPref<K extends keyof RoomPrefs>(key: K): [RoomPrefs[K], (value: RoomPrefs[K]) => void] {
  const [value, setValue] = useState<RoomPrefs[K]>(() => readPrefs()[key]);
  const set = useCallback(
    (next: RoomPrefs[K]) => {
      setValue(next);
      try {
        storage()?.setItem(KEY, JSON.stringify({ ...readPrefs(), [key]: next }));
      } catch {
        // quota or disabled storage: the setting still applies until reload
      }
    },
    [key],
  );
  return [value, set];
}
