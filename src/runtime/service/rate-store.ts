// The rate limit's counters: one fixed window per client, at most `capacity` clients remembered (oldest dropped).
// The plugin's own LocalStore hands every caller the same mutable record, so requests read in one turn of the
// event loop all see the last count and all get 429; each answer here is a snapshot.

interface Window {
  count: number;
  startedMs: number;
}

type Callback = (error: Error | null, result: { current: number; ttl: number }) => void;

export class RateStore {
  private readonly windows = new Map<string, Window>();
  private readonly capacity = 10_000;

  incr(key: string, callback: Callback, timeWindow: number, _max: number): void {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.startedMs + timeWindow <= now) {
      window = { count: 0, startedMs: now };
      this.windows.delete(key);
      if (this.windows.size >= this.capacity) this.windows.delete(this.windows.keys().next().value as string);
      this.windows.set(key, window);
    }
    window.count++;
    callback(null, { current: window.count, ttl: window.startedMs + timeWindow - now });
  }

  read(key: string, callback: Callback, timeWindow: number): void {
    const now = Date.now();
    const window = this.windows.get(key);
    const live = window && window.startedMs + timeWindow > now;
    callback(null, live ? { current: window.count, ttl: window.startedMs + timeWindow - now } : { current: 0, ttl: timeWindow });
  }

  child(): RateStore {
    return new RateStore();
  }
}
