// A count per time window in one fixed shape for a run's hot path, read from and written back to the state's JSON.

/**
 * A count per window as the state keeps it: `n` in the newest window `w` (e.g. "2026-11-23"), and in `past` the few
 * windows before it, so a late lead from yesterday counts against yesterday, never resetting today's count.
 */
export interface WindowCount {
  w: string;
  n: number;
  past?: Record<string, number>;
}

/** How many earlier windows a count remembers for late leads (so a carried count never grows with the days). */
export const PAST_WINDOWS = 7;

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * One window count during a run. Every tally has this class's shape whatever the JSON it came from looked like (a
 * fresh literal, a parsed file, a structured clone), so the code counting leads sees one shape in a young process and
 * in one that has run for weeks. `past` is the JSON's own map, touched only when a window rolls over or a lead is late.
 */
export class Tally {
  constructor(
    public w: string,
    public n: number,
    public past: Record<string, number> | undefined,
  ) {}

  /** The tally of a JSON window count; null when there is none yet. */
  static from(json: WindowCount | undefined): Tally | null {
    if (!json || typeof json !== "object") return null;
    const past = json.past && typeof json.past === "object" ? json.past : undefined;
    return new Tally(json.w, json.n, past);
  }

  count(window: string): number {
    if (this.w === window) return this.n;
    const past = this.past;
    return (past && hasOwn.call(past, window) ? past[window] : undefined) ?? 0;
  }

  /** Adds to a window's count. Window keys sort as text in time order (2026-03-02, 2026-W10, 2026-03-02T09). */
  add(window: string, by: number): void {
    if (this.w === window) {
      this.n = Math.max(0, this.n + by);
    } else if (window > this.w) {
      const past = (this.past ??= {});
      past[this.w] = this.n;
      forgetOldest(past);
      this.w = window;
      this.n = Math.max(0, by);
    } else {
      const past = (this.past ??= {});
      past[window] = Math.max(0, ((hasOwn.call(past, window) ? past[window] : undefined) ?? 0) + by);
      // Spec §8: whatever the dates of late leads, only the newest windows are kept (a lead older than all of them
      // counts in a window nobody remembers: it can no longer matter to a cap on today or this week).
      forgetOldest(past);
    }
  }

  /** Writes the tally into its JSON object (a new one when `json` is absent), key order as if changed in place. */
  save(json: WindowCount | undefined): WindowCount {
    if (!json) return this.past === undefined ? { w: this.w, n: this.n } : { w: this.w, n: this.n, past: this.past };
    json.w = this.w;
    json.n = this.n;
    if (this.past !== undefined && json.past !== this.past) json.past = this.past;
    return json;
  }
}

/** Keeps the newest PAST_WINDOWS windows. A day's roll-over usually finds one too many: that one goes without a sort. */
function forgetOldest(past: Record<string, number>): void {
  const keys = Object.keys(past);
  const extra = keys.length - PAST_WINDOWS;
  if (extra <= 0) return;
  if (extra === 1) {
    let oldest = keys[0] as string;
    for (const key of keys) if (key < oldest) oldest = key;
    delete past[oldest];
    return;
  }
  keys.sort();
  for (const old of keys.slice(0, extra)) delete past[old];
}

/** A tally for `window` holding `by` (what counting into a window with no tally yet starts from). */
export function startTally(window: string, by: number): Tally {
  return new Tally(window, Math.max(0, by), undefined);
}
