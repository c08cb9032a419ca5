// Hands committed notifications to the sender in the background (bounded concurrency and queue); failures are logged and counted.
import { translate } from "../texts";
import { type Lang } from "../../engine";
import { DeliveryError, type NotificationSender, type OutgoingNotification, type SenderLogger } from "./types";

export interface DispatcherOptions {
  logger: SenderLogger;
  lang?: Lang;
  /** Notifications in flight at once. */
  concurrency?: number;
  /** Notifications waiting at most; beyond it new ones are dropped (logged and counted as failed) so memory stays bounded. */
  maxQueue?: number;
  onResult?: (channel: string, ok: boolean) => void;
}

export class NotificationDispatcher {
  private readonly queue: OutgoingNotification[] = [];
  private active = 0;
  private readonly idle: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly maxQueue: number;

  constructor(
    private readonly sender: NotificationSender,
    private readonly options: DispatcherOptions,
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? 16);
    this.maxQueue = options.maxQueue ?? 10_000;
  }

  /** Queues messages and returns at once: the routing result never waits for delivery. */
  dispatch(messages: readonly OutgoingNotification[]): void {
    for (const message of messages) {
      if (this.queue.length >= this.maxQueue) this.fail(message, new DeliveryError("queue full", 0));
      else this.queue.push(message);
    }
    this.pump();
  }

  get pending(): number {
    return this.queue.length + this.active;
  }

  /** Waits until every queued notification is settled, or the time is up; true when all settled. */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.pending === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const settled = new Promise<boolean>((resolve) => this.idle.push(() => resolve(true)));
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const done = await Promise.race([settled, late]);
    clearTimeout(timer);
    return done;
  }

  private pump(): void {
    while (this.active < this.concurrency && this.queue.length > 0) {
      const message = this.queue.shift() as OutgoingNotification;
      this.active++;
      this.sender
        .send(message)
        .then(
          () => this.options.onResult?.(message.notification.channel, true),
          (error: unknown) => this.fail(message, error),
        )
        .finally(() => {
          this.active--;
          this.pump();
          if (this.pending === 0) this.idle.splice(0).forEach((wake) => wake());
        });
    }
  }

  private fail(message: OutgoingNotification, error: unknown): void {
    const detail = error instanceof Error ? error.message : String(error);
    const n = message.notification;
    this.options.logger.error(
      {
        event: "notification_failed",
        flow: message.flowId,
        lead: message.leadId,
        node: n.node,
        channel: n.channel,
        to: n.to,
        attempts: error instanceof DeliveryError ? error.attempts : undefined,
      },
      translate("sender.failed", { node: n.node, lead: message.leadId, detail }, this.options.lang ?? "en"),
    );
    this.options.onResult?.(n.channel, false);
  }
}
