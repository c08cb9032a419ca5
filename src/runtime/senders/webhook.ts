// A sender that POSTs each notification as JSON to a webhook URL, with a timeout per try and exponential backoff between tries.
import { translate } from "../texts";
import { type Lang } from "../../engine";
import "../service/messages";
import { DeliveryError, type NotificationSender, type OutgoingNotification, type SenderLogger } from "./types";

export interface WebhookSenderOptions {
  /** Every notification goes to this URL; without it, to each recipient that is an http(s) URL. */
  url?: string;
  /** Time allowed for one try, answer included. */
  timeoutMs?: number;
  /** Tries per URL before giving up. */
  attempts?: number;
  /** The wait before try n+1 is backoffMs × 2^(n-1) (up to maxBackoffMs), plus up to 20% jitter. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Takes notifications that have no URL to go to (default: logged as undeliverable by the caller). */
  fallback?: NotificationSender;
  logger?: SenderLogger;
  lang?: Lang;
}

export function isHttpUrl(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text);
}

/** 408, 429 and 5xx may pass on a later try; any other status will not. */
const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class WebhookSender implements NotificationSender {
  readonly name = "webhook";
  private readonly timeoutMs: number;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly lang: Lang;

  constructor(private readonly options: WebhookSenderOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.attempts = Math.max(1, options.attempts ?? 4);
    this.backoffMs = options.backoffMs ?? 250;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.lang = options.lang ?? "en";
  }

  async send(message: OutgoingNotification): Promise<void> {
    const targets = this.options.url ? [this.options.url] : message.notification.to.filter(isHttpUrl);
    if (targets.length === 0) {
      if (this.options.fallback) return this.options.fallback.send(message);
      throw new DeliveryError(translate("sender.no_target", { node: message.notification.node }, this.lang), 0);
    }
    const failures: DeliveryError[] = [];
    for (const url of targets) {
      try {
        await this.post(url, message);
      } catch (error) {
        failures.push(error instanceof DeliveryError ? error : new DeliveryError(String(error), 0));
      }
    }
    if (failures.length > 0) throw new DeliveryError(failures.map((f) => f.message).join("; "), Math.max(...failures.map((f) => f.attempts)));
  }

  private async post(url: string, { flowId, leadId, owner, notification: n }: OutgoingNotification): Promise<void> {
    const body = JSON.stringify({ flow: flowId, lead: leadId, owner: owner ?? null, node: n.node, channel: n.channel, to: n.to, subject: n.subject, body: n.body });
    const headers = {
      "content-type": "application/json",
      "user-agent": "leadwire",
      // The same key on every try, so a receiver can drop a delivery it already handled.
      "idempotency-key": `${flowId}:${leadId}:${n.node}`,
    };
    const attempts = this.attempts;
    let last = "";
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.timeoutMs);
      try {
        const response = await fetch(url, { method: "POST", headers, body, signal: controller.signal, redirect: "manual" });
        await response.arrayBuffer();
        if (response.ok) return;
        last = translate("sender.http_status", { url, status: response.status, attempt, attempts }, this.lang);
        if (!retryable(response.status)) throw new DeliveryError(last, attempt);
      } catch (error) {
        if (error instanceof DeliveryError) throw error;
        last = controller.signal.aborted
          ? translate("sender.timeout", { url, ms: this.timeoutMs, attempt, attempts }, this.lang)
          : translate("sender.network", { url, detail: causeText(error), attempt, attempts }, this.lang);
      } finally {
        clearTimeout(timer);
      }
      if (attempt < attempts) {
        this.options.logger?.warn({ event: "notification_retry", flow: flowId, lead: leadId, node: n.node, url, attempt }, last);
        const wait = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** (attempt - 1));
        await sleep(wait * (1 + Math.random() * 0.2));
      }
    }
    throw new DeliveryError(last, attempts);
  }
}

/** fetch wraps network errors ("fetch failed"); the cause says what happened (ECONNREFUSED, …). */
function causeText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}
