// When a Redis store process keeps a flow's lease after a batch (for the batches others hand it) and when it gives it back.

/** What the lease keeper needs from the store. */
export interface LeaseKeeping {
  /** How long a process keeps the lease for the batches others forward before giving it back once (so waiters get a turn). */
  readonly keepMs: number;
  /** How long a process that decided other processes' batches keeps the lease idle, expecting more (a push wakes it). */
  readonly lingerMs: number;
  /** RELEASE keeping nothing and answering no batch; resolves with its reply, rejects when Redis cannot be reached. */
  release(flowId: string, token: string): Promise<unknown>;
  /** Whether this process hears wake-ups on its channel: lingering needs them. */
  listening(): boolean;
  /** Runs a section between the store's batches (its mutex). */
  serialize(section: () => Promise<void>): Promise<void>;
  /** Batches arrived while the lease was kept idle: run a batch to take them. */
  wake(): void;
}

interface Kept {
  readonly token: string;
  /** When this process took the lease it keeps (keepMs counts from there). */
  readonly since: number;
  /** Gives the lease back when no batch comes within lingerMs. */
  timer?: NodeJS.Timeout;
}

export class LeaseKeeper {
  /** Per flow, the lease this process kept for the batches in the inbox, when it took it, and its idle-release timer. */
  private readonly held = new Map<string, Kept>();
  /** Per flow, when this process last decided batches other processes handed over (it lingers with the lease after). */
  private readonly served = new Map<string, number>();

  constructor(private readonly store: LeaseKeeping) {}

  /** The lease kept for the flow, if any, its idle timer stopped: a batch of this process takes it up now. */
  takeUp(flowId: string): Kept | undefined {
    const held = this.held.get(flowId);
    if (held?.timer) clearTimeout(held.timer);
    return held;
  }

  /** Whether this process keeps the flow's lease. */
  has(flowId: string): boolean {
    return this.held.has(flowId);
  }

  /** The lease is no longer this process's (taken by another, fenced, or the commit's fate unknown). */
  drop(flowId: string): void {
    this.held.delete(flowId);
  }

  /** This process is deciding batches other processes handed over: it lingers with the lease after. */
  serving(flowId: string): void {
    this.served.set(flowId, Date.now());
  }

  /**
   * What COMMIT or RELEASE should do with the lease (see keepOrRelease). Up to keepMs after taking it, it is kept while
   * batches wait in the inbox, and for lingerMs after deciding some (more are likely: the holder stays the one deciding,
   * woken by each push). Then it is given back once, so a process waiting for it (events) gets a turn.
   */
  keep(flowId: string, since: number): string {
    const now = Date.now();
    if (now - since >= this.store.keepMs) return "";
    const lingering = this.store.listening() && now - (this.served.get(flowId) ?? -Infinity) < this.store.lingerMs;
    return lingering ? "2" : "1";
  }

  /** Records what COMMIT or RELEASE did with the lease (keepOrRelease's flag); true if batches wait for this process. */
  holds(flowId: string, token: string, since: number, flag: number): boolean {
    if (flag === 1 || flag === 3) {
      // Kept: given back after lingerMs without a batch (this process's next batch, or a push's, clears the timer).
      const entry: Kept = { token, since };
      entry.timer = setTimeout(() => void this.store.serialize(() => this.giveBack(flowId, entry)), this.store.lingerMs);
      entry.timer.unref();
      this.held.set(flowId, entry);
    } else this.held.delete(flowId);
    return flag === 1 || flag === 2;
  }

  /** Gives back a lease kept idle (unless a batch renewed it since); wakes this process's router if batches arrived meanwhile. */
  private async giveBack(flowId: string, entry: Kept): Promise<void> {
    if (this.held.get(flowId) !== entry) return;
    this.held.delete(flowId);
    const reply = (await this.store.release(flowId, entry.token).catch(() => [0, 0])) as number[];
    if (reply[1] === 2) this.store.wake();
  }

  /** Gives back every lease kept (closing); the batches in their inboxes are sent again by their processes (forwardWaitMs). */
  async releaseAll(): Promise<void> {
    for (const [flowId, { token, timer }] of this.held) {
      clearTimeout(timer);
      await this.store.release(flowId, token).catch(() => undefined);
    }
    this.held.clear();
  }
}
