// The notification sender contract: the runtime hands each committed notification to one, after the batch is stored.
import type { Notification } from "../../engine";

/** A notification with the routing facts a receiver needs to act on it (and to drop a repeated delivery). */
export interface OutgoingNotification {
  readonly flowId: string;
  readonly leadId: string;
  readonly owner?: string;
  readonly notification: Notification;
}

export interface NotificationSender {
  readonly name: string;
  /** Resolves once delivered (or handed over); rejects with a DeliveryError after giving up. */
  send(message: OutgoingNotification): Promise<void>;
}

/** A notification that could not be delivered; `attempts` tells how hard the sender tried. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

/** The little of pino the senders use, so tests can pass a recorder. */
export interface SenderLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug?(obj: object, msg?: string): void;
}
