// Debounced autosave of one open flow: flushes on page hide, keeps the document through storage errors, stops on conflicts.
import { translate } from "./messages";
import { type Flow, type Lang } from "../engine";
import type { Conflict, FlowDraft, FlowLibrary } from "./library";

export type AutosaveStatus = "saved" | "pending" | "saving" | "error" | "conflict";

export interface SaveError {
  code: "storage.quota_exceeded" | "storage.unavailable" | "storage.save_failed";
  /** A sentence for the user, in the autosaver's language. */
  message: string;
  /** Failed attempts in a row. */
  attempt: number;
  retryInMs: number;
}

export interface AutosaveState {
  status: AutosaveStatus;
  /** The stored revision the document in this tab is based on. */
  revision: number;
  lastSavedAt: number | null;
  error: SaveError | null;
  conflict: Conflict | null;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaveOptions {
  library: Pick<FlowLibrary, "saveDraft" | "create" | "now">;
  flowId: string;
  /** The revision the opened draft had. */
  revision: number;
  /** Quiet time after the last change before saving; default 500 ms. */
  delayMs?: number;
  /** Longest a stream of changes can postpone a save; default 10 × delayMs. */
  maxWaitMs?: number;
  /** Retry after a storage error: first wait, doubled per failure up to the maximum; default 1 s … 30 s. */
  retry?: { firstMs?: number; maxMs?: number };
  lang?: () => Lang;
  timers?: Timers;
}

type Listener = (state: AutosaveState) => void;

const globalTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

function errorName(error: unknown): string {
  if (typeof error !== "object" || error === null) return "";
  const name = "name" in error && typeof error.name === "string" ? error.name : "";
  // Dexie wraps the browser's DOMException; the original is its `inner`.
  const inner = "inner" in error ? errorName(error.inner) : "";
  return name === "QuotaExceededError" || inner === "QuotaExceededError" ? "QuotaExceededError" : name || inner;
}

const UNAVAILABLE = new Set([
  "MissingAPIError",
  "OpenFailedError",
  "DatabaseClosedError",
  "InvalidStateError",
  "UnknownError",
  "SecurityError",
]);

/** A storage failure as a message the user understands, in both languages. */
export function describeSaveError(error: unknown, lang: Lang, retryInMs: number, attempt = 1): SaveError {
  const name = errorName(error);
  const seconds = Math.round(retryInMs / 1000);
  const code: SaveError["code"] =
    name === "QuotaExceededError" ? "storage.quota_exceeded" : UNAVAILABLE.has(name) ? "storage.unavailable" : "storage.save_failed";
  const detail = error instanceof Error ? error.message : String(error);
  return { code, message: translate(code, { seconds, detail }, lang), attempt, retryInMs };
}

/** The status line of the toolbar ("All changes saved", the error, the conflict). */
export function autosaveText(state: AutosaveState, lang: Lang): string {
  if (state.status === "error" && state.error) return state.error.message;
  if (state.status === "conflict" && state.conflict) return translate(`storage.conflict.${state.conflict.reason}`, {}, lang);
  return translate(`storage.status.${state.status}`, {}, lang);
}

export class Autosaver {
  private readonly opts: Required<Pick<AutosaveOptions, "delayMs" | "maxWaitMs">> & AutosaveOptions;
  private readonly timers: Timers;
  private st: AutosaveState;
  private latest: Flow | null = null;
  private pending: Flow | null = null;
  private debounce: unknown = null;
  private firstChangeAt: number | null = null;
  private retryTimer: unknown = null;
  private running: Promise<void> | null = null;
  private listeners = new Set<Listener>();
  private disposed = false;

  constructor(options: AutosaveOptions) {
    const delayMs = options.delayMs ?? 500;
    this.opts = { ...options, delayMs, maxWaitMs: options.maxWaitMs ?? delayMs * 10 };
    this.timers = options.timers ?? globalTimers;
    this.st = { status: "saved", revision: options.revision, lastSavedAt: null, error: null, conflict: null };
  }

  get state(): AutosaveState {
    return this.st;
  }

  /** The newest document this tab has (saved or not): after an error or a conflict it is still here. */
  get document(): Flow | null {
    return this.latest;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call on every change of the document; the save happens after `delayMs` of quiet (or `maxWaitMs` at most). */
  change(doc: Flow): void {
    if (this.disposed) return;
    this.latest = doc;
    this.pending = doc;
    if (this.st.status === "conflict") return; // kept in memory; nothing is written until the user resolves it
    if (this.st.status === "error") return; // the scheduled retry saves the newest document
    if (this.st.status === "saved") this.set({ status: "pending" });
    const now = this.opts.library.now();
    this.firstChangeAt ??= now;
    const wait = Math.max(0, Math.min(this.opts.delayMs, this.firstChangeAt + this.opts.maxWaitMs - now));
    this.clearDebounce();
    this.debounce = this.timers.setTimeout(() => {
      this.debounce = null;
      void this.drain();
    }, wait);
  }

  /** Saves now (wire to `pagehide` and `visibilitychange` → hidden); resolves when nothing is left to save or saving stopped. */
  async flushNow(): Promise<AutosaveState> {
    this.clearDebounce();
    this.clearRetry();
    await this.drain();
    return this.st;
  }

  /**
   * Conflict resolution "keep mine": save this tab's document over the stored one, knowingly. For a flow trashed
   * elsewhere this works once it is restored; a flow deleted for good can only be kept as a copy.
   */
  async overwrite(): Promise<AutosaveState> {
    const conflict = this.st.conflict;
    if (!conflict || conflict.reason === "missing") return this.st;
    this.pending ??= this.latest;
    this.set({ status: "pending", conflict: null, revision: conflict.theirRevision });
    return this.flushNow();
  }

  /** Conflict resolution "reload": drop this tab's unsaved changes and continue from the stored draft, which is returned. */
  acceptTheirs(): Flow | null {
    const conflict = this.st.conflict;
    if (!conflict) return null;
    this.pending = null;
    this.latest = conflict.theirs;
    this.set({ status: "saved", conflict: null, error: null, revision: conflict.theirRevision });
    return conflict.theirs;
  }

  /** Conflict resolution "keep mine as a copy": a new flow ("… (my copy)") holding this tab's document; this saver then follows theirs. */
  async keepMineAsCopy(name?: string): Promise<FlowDraft | null> {
    const mine = this.latest;
    if (!mine || !this.st.conflict) return null;
    const copyName =
      name ?? translate("storage.my_copy_name", { name: typeof mine.name === "string" ? mine.name : "" }, this.opts.lang?.() ?? "en");
    const copy = await this.opts.library.create({ from: mine, name: copyName });
    this.acceptTheirs();
    return copy;
  }

  /** Stops timers; call when the flow is closed (after `flushNow`). */
  dispose(): void {
    this.disposed = true;
    this.clearDebounce();
    this.clearRetry();
    this.listeners.clear();
  }

  private set(patch: Partial<AutosaveState>): void {
    this.st = { ...this.st, ...patch };
    for (const listener of [...this.listeners]) listener(this.st);
  }

  private clearDebounce(): void {
    if (this.debounce !== null) this.timers.clearTimeout(this.debounce);
    this.debounce = null;
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private drain(): Promise<void> {
    this.running ??= this.saveLoop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Saves until nothing is pending; one save at a time, always the newest document. */
  private async saveLoop(): Promise<void> {
    while (this.pending && this.st.status !== "conflict" && !this.disposed) {
      const doc = this.pending;
      this.pending = null;
      this.firstChangeAt = null;
      this.set({ status: "saving" });
      let result;
      try {
        result = await this.opts.library.saveDraft(this.opts.flowId, doc, this.st.revision);
      } catch (error) {
        this.pending ??= doc;
        this.fail(error);
        return;
      }
      if (!result.ok) {
        this.pending ??= doc;
        this.set({ status: "conflict", conflict: result.conflict, error: null });
        return;
      }
      this.set({ revision: result.revision, lastSavedAt: this.opts.library.now(), error: null });
    }
    if (this.st.status === "saving") this.set({ status: "saved" });
  }

  private fail(error: unknown): void {
    const attempt = (this.st.error?.attempt ?? 0) + 1;
    const first = this.opts.retry?.firstMs ?? 1000;
    const max = this.opts.retry?.maxMs ?? 30_000;
    const retryInMs = Math.min(max, first * 2 ** (attempt - 1));
    const lang = this.opts.lang?.() ?? "en";
    this.set({ status: "error", error: describeSaveError(error, lang, retryInMs, attempt) });
    this.clearRetry();
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      void this.drain();
    }, retryInMs);
  }
}

interface EventSource {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/** Flushes the autosaver when the page is hidden or closed, so a reload or a closed tab never loses the last edit. */
export function flushOnPageHide(
  autosaver: Pick<Autosaver, "flushNow">,
  win: EventSource,
  doc: EventSource & { visibilityState: string },
): () => void {
  const onHide = () => void autosaver.flushNow();
  const onVisibility = () => {
    if (doc.visibilityState === "hidden") onHide();
  };
  win.addEventListener("pagehide", onHide);
  doc.addEventListener("visibilitychange", onVisibility);
  return () => {
    win.removeEventListener("pagehide", onHide);
    doc.removeEventListener("visibilitychange", onVisibility);
  };
}
