// The Redis store's pub/sub side: wake-ups when a flow's lease is given back, and the answers to batches this process
// handed to the lease holder (one SUBSCRIBE connection per process, one reply channel, answers keyed by request id).
import type { Redis } from "ioredis";
import { randomUUID } from "node:crypto";

export class RedisSignals {
  /**
   * Where lease holders publish the answers to this process's forwarded batches (`<request id>\n<answer>`), and where a
   * process that forwards to this one while it holds a lease wakes it (an empty message).
   */
  readonly channel = `leadwire:reply:${randomUUID()}`;
  private subscriber: Redis | null = null;
  private readonly subscribed = new Set<string>();
  private readonly waiting = new Map<string, Set<() => void>>();
  private readonly answers = new Map<string, (answer: string) => void>();
  /** Called when another process pushed a batch to an inbox while this one holds the lease (an empty message). */
  onWake: () => void = () => undefined;

  constructor(private readonly client: Redis) {}

  private async subscribe(channel: string): Promise<boolean> {
    if (!this.subscriber) {
      const sub = this.client.duplicate();
      sub.on("error", () => undefined);
      sub.on("message", (ch: string, message: string) => this.received(ch, message));
      this.subscriber = sub;
    }
    if (this.subscriber.status === "wait") await this.subscriber.connect().catch(() => undefined);
    if (!this.subscribed.has(channel) && this.subscriber.status === "ready") {
      this.subscribed.add(channel);
      await this.subscriber.subscribe(channel).catch(() => this.subscribed.delete(channel));
    }
    return this.subscribed.has(channel) && this.subscriber.status === "ready";
  }

  private received(channel: string, message: string): void {
    if (channel === this.channel) {
      if (message === "") return this.onWake();
      const cut = message.indexOf("\n");
      const id = message.slice(0, cut);
      const answer = this.answers.get(id);
      this.answers.delete(id);
      answer?.(message.slice(cut + 1));
      return;
    }
    const list = this.waiting.get(channel);
    this.waiting.delete(channel);
    for (const wake of list ?? []) wake();
  }

  /** Resolves when the lease on `lock` is given back (a message on `<lock>:free`) or after `ms`. */
  async whenFree(lock: string, ms: number): Promise<void> {
    const channel = `${lock}:free`;
    await this.subscribe(channel);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      let set = this.waiting.get(channel);
      if (!set) this.waiting.set(channel, (set = new Set()));
      set.add(done);
    });
  }

  /** Whether answers and wake-ups reach this process now (its channel is subscribed on a live connection). */
  get listening(): boolean {
    return this.subscribed.has(this.channel) && this.subscriber?.status === "ready";
  }

  /** True when answers can reach this process (its reply channel is subscribed); without that it must not forward. */
  ready(): Promise<boolean> {
    return this.subscribe(this.channel);
  }

  /**
   * Registers for the answer to request `id` before it is forwarded (an answer can never arrive unheard). `answer` resolves
   * with it, or with undefined after `ms` or on `cancel()`.
   */
  expect(id: string, ms: number): { answer: Promise<string | undefined>; cancel(): void } {
    let settle: (value: string | undefined) => void = () => undefined;
    const answer = new Promise<string | undefined>((resolve) => {
      const timer = setTimeout(() => settle(undefined), ms);
      settle = (value) => {
        clearTimeout(timer);
        this.answers.delete(id);
        resolve(value);
      };
    });
    this.answers.set(id, (value) => settle(value));
    return { answer, cancel: () => settle(undefined) };
  }

  close(): void {
    this.subscriber?.disconnect();
  }
}
