// Builds the HTTP service (Fastify + pino): group-commit router on a state store, metrics, notification dispatch, flow swaps.
import rateLimit from "@fastify/rate-limit";
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { translate } from "../texts";
import type { Lang } from "../../engine";
import { NotificationDispatcher } from "../senders/dispatcher";
import { LogSender } from "../senders/log";
import type { NotificationSender, OutgoingNotification } from "../senders/types";
import type { StateStore } from "../store/types";
import type { Credentials } from "./auth";
import { installErrorHandling } from "./errors";
import { prepareFlow, type PreparedFlow } from "./flow-source";
import { ServiceMetrics } from "./metrics";
import { BatchRouter, TIMER_BATCH, type ActiveFlow, type BatchReport } from "./router";
import { RateStore } from "./rate-store";
import { installRoutes } from "./routes";
import { DEFAULT_BODY_LIMITS, type BodyLimits } from "./validate-body";

export interface ServiceOptions {
  flow: ActiveFlow;
  store: StateStore;
  lang?: Lang;
  /** A pino logger; default silent. */
  logger?: FastifyBaseLogger;
  /** Default: the log sender on `logger`. */
  sender?: NotificationSender;
  /** Largest POST /v1/leads body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Largest POST /v1/flow body in bytes (default 10 MiB). */
  flowBodyLimit?: number;
  limits?: Partial<BodyLimits>;
  /** Bearer tokens per role; with none set every endpoint is open (`serve` allows that on loopback only). */
  credentials?: Credentials;
  /** Requests per client address per window (default 200 a second); false turns the limit off (benchmarks). */
  rateLimit?: RateLimit | false;
  timeouts?: Partial<Timeouts>;
  /** Also export Node's process metrics (CPU, memory, event loop). */
  defaultMetrics?: boolean;
  maxBatchLeads?: number;
  /** How long close() waits for queued notifications. */
  notificationDrainMs?: number;
  /** Days a followed lead without pending timers is kept after its last change (default 30; the engine's retentionDays). */
  retentionDays?: number;
  /** Follow the leads of flows without a follow-up step too (RouterOptions.followLeads). */
  followLeads?: boolean;
  /** How often due deadlines, reminders and cadence tasks are looked for (default 250 ms; 0: never, tests call fireDue). */
  timerTickMs?: number;
}

export interface Service {
  readonly app: FastifyInstance;
  readonly metrics: ServiceMetrics;
  readonly router: BatchRouter;
  readonly dispatcher: NotificationDispatcher;
  flow(): ActiveFlow;
  /**
   * Validates a flow document; when good, the next batch routes with it (state of nodes that still exist carries over).
   * A flow with another id would start from empty state, so it is refused unless `newState` confirms it.
   */
  replaceFlow(input: unknown, options?: { newState?: boolean }): PreparedFlow;
  /** Stops accepting requests, finishes in-flight batches and notifications, closes the store. */
  close(): Promise<void>;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface RateLimit {
  max: number;
  windowMs: number;
}
export const DEFAULT_RATE_LIMIT: RateLimit = { max: 200, windowMs: 1_000 };

/** How long a client may take: to send its headers, its whole request, to stay silent mid-request, and idle between requests. */
export interface Timeouts {
  headersMs: number;
  requestMs: number;
  idleMs: number;
  keepAliveMs: number;
}
export const DEFAULT_TIMEOUTS: Timeouts = { headersMs: 10_000, requestMs: 30_000, idleMs: 30_000, keepAliveMs: 5_000 };

export function notificationsOf(report: BatchReport): OutgoingNotification[] {
  return report.fresh.flatMap((o) =>
    o.notifications.map((notification) => ({ flowId: report.flowId, leadId: o.id, ...(o.owner ? { owner: o.owner } : {}), notification })),
  );
}

export async function buildService(options: ServiceOptions): Promise<Service> {
  const lang = options.lang ?? "en";
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit,
    // A slow or silent client is disconnected instead of holding a socket for ever (Node checks these every connectionsCheckingInterval).
    connectionTimeout: timeouts.idleMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs),
    },
    // Per-request lines would dominate the log at thousands of leads a second; batches and failures are logged instead.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
  });
  // Only JSON is accepted: a text/plain body gets 415 rather than a confusing "not a lead".
  app.removeContentTypeParser("text/plain");
  const log = app.log;
  const metrics = new ServiceMetrics({ defaultMetrics: options.defaultMetrics === true });
  const sender = options.sender ?? new LogSender(log, lang);
  const dispatcher = new NotificationDispatcher(sender, {
    logger: log,
    lang,
    onResult: (channel, ok) => metrics.notifications.inc({ channel, result: ok ? "sent" : "failed" }),
  });
  let active = options.flow;
  const outbox = options.store.consumeOutbox?.(
    () => active.id,
    (messages) => dispatcher.dispatch(messages),
  );
  const router = new BatchRouter({
    store: options.store,
    flow: () => active,
    lang,
    ...(options.maxBatchLeads ? { maxBatchLeads: options.maxBatchLeads } : {}),
    ...(options.retentionDays ? { retentionDays: options.retentionDays } : {}),
    ...(options.followLeads ? { followLeads: true } : {}),
    onBatch(report) {
      metrics.observeBatch(report);
      log.debug({
        event: report.forwarded ? "batch_forwarded" : "batch",
        flow: report.flowId,
        leads: report.leads,
        routed: report.fresh.length,
        replayed: report.replayed,
        attempts: report.attempts,
        ms: Math.round(report.ms * 10) / 10,
      });
      // With an outbox the messages were stored with the batch and reach the senders through it (once, whoever reads them).
      if (!outbox) dispatcher.dispatch(notificationsOf(report));
    },
  });

  function replaceFlow(input: unknown, { newState = false } = {}): PreparedFlow {
    let result = prepareFlow(input, lang);
    if (result.ok && result.active.id !== active.id && !newState) {
      result = {
        ok: false,
        kind: "new_id",
        problems: [
          {
            code: "service.flow_new_id",
            path: "$.id",
            message: translate("service.flow_new_id", { from: active.id, to: result.active.id }, lang),
          },
        ],
      };
    }
    metrics.flowReloads.inc({ result: result.ok ? "ok" : "rejected" });
    if (result.ok) {
      active = result.active;
      log.info({ event: "flow_loaded", flow: active.id, name: active.compiled.flow.name, warnings: result.warnings.length });
    } else {
      log.warn({ event: "flow_rejected", problems: result.problems });
    }
    return result;
  }

  installErrorHandling(app, metrics, lang, bodyLimit);
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (limit) {
    await app.register(rateLimit, {
      max: limit.max,
      timeWindow: limit.windowMs,
      store: RateStore,
      // A load balancer's health check must never be turned away.
      allowList: (request) => request.url === "/healthz",
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        message: translate("service.rate_limited", { after: context.after }, lang),
      }),
    });
  }
  app.addHook("onResponse", (request, reply, done) => {
    const route = request.routeOptions.url ?? "unmatched";
    metrics.requestDuration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
  let stopping = false;
  // Answers still in flight when close() begins tell the client to drop the connection, so no keep-alive socket holds shutdown open.
  app.addHook("onSend", async (_request, reply) => {
    if (stopping) reply.header("connection", "close");
  });
  installRoutes(app, {
    router,
    store: options.store,
    metrics,
    lang,
    limits: { ...DEFAULT_BODY_LIMITS, ...options.limits },
    flowBodyLimit: options.flowBodyLimit ?? 10 * 1024 * 1024,
    credentials: options.credentials ?? {},
    flow: () => active,
    replaceFlow,
  });
  await app.ready();

  // Deadlines fire on their own: every tick, if the store's earliest timer is due, one batch fires what is due (spec §9).
  let ticking = false;
  const tick = async () => {
    if (ticking || stopping) return;
    ticking = true;
    try {
      for (let round = 0; round < 20; round++) {
        const due = await options.store.nextDue(active.id);
        if (due === null || due > Date.now() || stopping) break;
        if ((await router.fireDue()) < TIMER_BATCH) break;
      }
    } catch (error) {
      log.debug({ event: "timers_failed", detail: error instanceof Error ? error.message : String(error) });
    } finally {
      ticking = false;
    }
  };
  const tickMs = options.timerTickMs ?? 250;
  const ticker = tickMs > 0 ? setInterval(() => void tick(), tickMs) : null;
  ticker?.unref();

  let closing: Promise<void> | null = null;
  async function close(): Promise<void> {
    stopping = true;
    if (ticker) clearInterval(ticker);
    while (ticking) await new Promise((r) => setTimeout(r, 10));
    await app.close();
    router.stop();
    await router.idle();
    await outbox?.stop();
    const delivered = await dispatcher.drain(options.notificationDrainMs ?? 5_000);
    if (!delivered) log.warn({ event: "notifications_abandoned", pending: dispatcher.pending });
    await options.store.close();
  }

  return {
    app,
    metrics,
    router,
    dispatcher,
    flow: () => active,
    replaceFlow,
    close: () => (closing ??= close()),
  };
}
