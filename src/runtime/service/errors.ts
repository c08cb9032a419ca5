// Maps every failure to a JSON answer `{ error, problems? }`: body problems to 4xx, an unreachable or busy store to 503.
import { translate, type RuntimeCode } from "../texts";
import type { FastifyError, FastifyInstance } from "fastify";
import { type Lang } from "../../engine";
import { StoreBusyError, StoreUnavailableError } from "../store/types";
import type { ServiceMetrics } from "./metrics";
import type { BodyProblem } from "./validate-body";

export interface ErrorBody {
  error: string;
  problems?: readonly { readonly path?: string; readonly message: string; readonly code?: string }[];
}

/** A one-problem answer about the body as a whole. */
function whole(code: RuntimeCode, params: Record<string, string | number>, lang: Lang): ErrorBody {
  const message = translate(code, params, lang);
  const problem: BodyProblem = { code, path: "$", message };
  return { error: message, problems: [problem] };
}

/** During an outage every request fails the same way: log the first failure, then one line per interval with the count. */
function throttled(intervalMs: number) {
  let last = 0;
  let suppressed = 0;
  return (log: (extra: { suppressed: number }) => void) => {
    const now = Date.now();
    if (now - last < intervalMs) {
      suppressed++;
      return;
    }
    log({ suppressed });
    last = now;
    suppressed = 0;
  };
}

export function installErrorHandling(app: FastifyInstance, metrics: ServiceMetrics, lang: Lang, bodyLimit: number): void {
  const storeLog = throttled(5_000);
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof StoreUnavailableError) {
      metrics.storeErrors.inc({ kind: "unavailable" });
      storeLog((extra) => request.log.warn({ event: "store_unavailable", detail: error.detail, ...extra }, error.message));
      return reply
        .code(503)
        .header("retry-after", "1")
        .send({ error: translate("service.store_unavailable", { detail: error.detail }, lang) });
    }
    if (error instanceof StoreBusyError) {
      metrics.storeErrors.inc({ kind: "busy" });
      storeLog((extra) => request.log.warn({ event: "store_busy", attempts: error.attempts, ...extra }, error.message));
      return reply
        .code(503)
        .header("retry-after", "1")
        .send({ error: translate("service.store_busy", {}, lang) });
    }
    const code = "code" in error ? error.code : undefined;
    const status = "statusCode" in error && typeof error.statusCode === "number" ? error.statusCode : 500;
    if (code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      const limit = request.routeOptions.bodyLimit ?? bodyLimit;
      return reply.code(413).send(whole("service.body_too_large", { limit }, lang));
    }
    if (code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return reply.code(415).send(whole("service.content_type", { type: request.headers["content-type"] ?? "" }, lang));
    }
    if (code === "FST_ERR_CTP_EMPTY_JSON_BODY") return reply.code(400).send(whole("service.empty_body", {}, lang));
    // JSON.parse's SyntaxError and the prototype-poisoning guard both arrive as 400s from the JSON parser.
    if (status === 400) return reply.code(400).send(whole("service.bad_json", { detail: error.message }, lang));
    if (status >= 400 && status < 500) return reply.code(status).send({ error: error.message });
    request.log.error({ event: "internal_error", err: error }, error.message);
    return reply.code(500).send({ error: translate("service.internal", { detail: error.message }, lang) });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: translate("service.not_found", { method: request.method, url: request.url.split("?")[0] ?? "" }, lang) });
  });
}
