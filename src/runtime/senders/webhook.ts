// A sender that POSTs each notification as JSON to a webhook URL, with a timeout per try and exponential backoff between tries.
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { translate } from "../texts";
import { type Lang } from "../../engine";
import { redactUrl } from "../redact";
import { DestinationGuard, DestinationRefused, hostKey } from "./destination";
import { DeliveryError, type NotificationSender, type OutgoingNotification, type SenderLogger } from "./types";

export interface WebhookSenderOptions {
  /** Every notification goes to this URL (the operator named it, so its host is allowed); without it, to each webhook recipient that is an http(s) URL. */
  url?: string;
  /** Hosts that may be reached although they are loopback, private or link-local (by name, as written in the URL). */
  allowDestinations?: readonly string[];
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
  private readonly guard: DestinationGuard;

  constructor(private readonly options: WebhookSenderOptions = {}) {
    const configured = options.url && URL.canParse(options.url) ? [hostKey(new URL(options.url).hostname)] : [];
    this.guard = new DestinationGuard([...(options.allowDestinations ?? []), ...configured]);
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.attempts = Math.max(1, options.attempts ?? 4);
    this.backoffMs = options.backoffMs ?? 250;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.lang = options.lang ?? "en";
  }

  async send(message: OutgoingNotification): Promise<void> {
    // Only the webhook channel posts to its recipients: a URL given as an email address or phone number is never called.
    const recipients = message.notification.channel === "webhook" ? message.notification.to.filter(isHttpUrl) : [];
    const targets = this.options.url ? [this.options.url] : recipients;
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
    if (failures.length > 0)
      throw new DeliveryError(failures.map((f) => f.message).join("; "), Math.max(...failures.map((f) => f.attempts)));
  }

  private async post(url: string, { flowId, leadId, owner, notification: n }: OutgoingNotification): Promise<void> {
    const body = JSON.stringify({
      flow: flowId,
      lead: leadId,
      owner: owner ?? null,
      node: n.node,
      channel: n.channel,
      to: n.to,
      subject: n.subject,
      body: n.body,
    });
    const headers = {
      "content-type": "application/json",
      "user-agent": "leadwire",
      // The same key on every try, so a receiver can drop a delivery it already handled.
      "idempotency-key": `${flowId}:${leadId}:${n.node}`,
    };
    const attempts = this.attempts;
    // Credentials inside the URL never reach a message or the log.
    const shown = redactUrl(url);
    let target: URL;
    try {
      target = new URL(url);
      this.guard.check(target);
    } catch (error) {
      throw new DeliveryError(this.refusal(shown, error), 0);
    }
    let last = "";
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.timeoutMs);
      try {
        const status = await this.postOnce(target, headers, body, controller.signal);
        if (status >= 200 && status < 300) return;
        last = translate("sender.http_status", { url: shown, status, attempt, attempts }, this.lang);
        if (!retryable(status)) throw new DeliveryError(last, attempt);
      } catch (error) {
        if (error instanceof DeliveryError) throw error;
        if (error instanceof DestinationRefused) throw new DeliveryError(this.refusal(shown, error), attempt);
        last = controller.signal.aborted
          ? translate("sender.timeout", { url: shown, ms: this.timeoutMs, attempt, attempts }, this.lang)
          : translate("sender.network", { url: shown, detail: causeText(error), attempt, attempts }, this.lang);
      } finally {
        clearTimeout(timer);
      }
      if (attempt < attempts) {
        this.options.logger?.warn({ event: "notification_retry", flow: flowId, lead: leadId, node: n.node, url: shown, attempt }, last);
        const wait = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** (attempt - 1));
        await sleep(wait * (1 + Math.random() * 0.2));
      }
    }
    throw new DeliveryError(last, attempts);
  }

  private refusal(shown: string, error: unknown): string {
    if (error instanceof DestinationRefused)
      return translate("sender.refused", { url: shown, host: error.host, range: error.range }, this.lang);
    return translate("sender.bad_url", { url: shown }, this.lang);
  }

  /** One POST through node:http(s) with the guard's lookup, so the address connected to is the address checked. Answers the status. */
  private postOnce(url: URL, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<number> {
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    return new Promise<number>((resolve, reject) => {
      const req = send(
        url,
        { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, signal, lookup: this.guard.lookup },
        (res: IncomingMessage) => {
          // The answer's body is read and dropped (bounded by the timeout), so the socket is freed.
          res.on("data", () => undefined);
          res.on("end", () => resolve(res.statusCode ?? 0));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }
}

/** A network error's code says what happened (ECONNREFUSED, …); the message may repeat the address, so it is redacted. */
function causeText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const cause = error.cause;
  const text = cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  return code && !text.includes(code) ? `${code} ${text}` : text;
}
