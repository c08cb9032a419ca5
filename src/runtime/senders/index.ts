// Picks the notification sender from the service's configuration: the log sender (default) or the webhook sender.
import type { Lang } from "../../engine";
import { LogSender } from "./log";
import type { NotificationSender, SenderLogger } from "./types";
import { WebhookSender, type WebhookSenderOptions } from "./webhook";

export { NotificationDispatcher } from "./dispatcher";
export { LogSender } from "./log";
export { WebhookSender, isHttpUrl } from "./webhook";
export { DeliveryError, type NotificationSender, type OutgoingNotification, type SenderLogger } from "./types";

export type SenderConfig = { kind: "log" } | ({ kind: "webhook" } & Omit<WebhookSenderOptions, "fallback" | "logger" | "lang">);

/** A webhook sender still logs the notifications that have no URL to go to. */
export function createSender(config: SenderConfig, logger: SenderLogger, lang: Lang = "en"): NotificationSender {
  const log = new LogSender(logger, lang);
  if (config.kind === "log") return log;
  const { kind: _kind, ...options } = config;
  return new WebhookSender({ ...options, fallback: log, logger, lang });
}
