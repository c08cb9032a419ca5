// `leadwire serve`: loads the flow, opens the state store (memory or Redis), serves HTTP until SIGTERM/SIGINT; SIGHUP re-reads the flow.
import { translate } from "./texts";
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { type Lang } from "../engine";
import type { Io } from "./io";
import { createSender, type SenderConfig } from "./senders";
import { CREDENTIAL_ENV, MIN_TOKEN_LENGTH, ROLES, isOpen, type Credentials } from "./service/auth";
import { buildService, DEFAULT_RATE_LIMIT, type RateLimit } from "./service/app";
import { isLoopbackHost } from "./senders/destination";
import { serviceLoggerOptions } from "./redact";
import { prepareFlow, problemLine } from "./service/flow-source";
import { MemoryStore } from "./store/memory";
import { RedisStore } from "./store/redis";
import { StoreUnavailableError, type StateStore } from "./store/types";

export interface ServeArgs {
  flow: string;
  port?: string;
  host?: string;
  redis?: string;
  /** Days first outcomes, lead histories and timers are kept after their last change (default 30). */
  retention?: string;
  /** Follow the leads of a flow without a follow-up step too (events apply to them). */
  followLeads?: boolean;
  lang: Lang;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

interface EnvSettings {
  ok: true;
  level: string;
  sender: SenderConfig;
  credentials: Credentials;
  rateLimit: RateLimit | false;
}

/** Settings that have no command-line flag: read from the environment (documented in docs/runtime.md and docs/security.md). */
function envSettings(env: NodeJS.ProcessEnv, lang: Lang): EnvSettings | { ok: false; message: string } {
  const level = env.LEADWIRE_LOG_LEVEL ?? "info";
  if (!LOG_LEVELS.includes(level))
    return {
      ok: false,
      message: translate("serve.bad_env", { name: "LEADWIRE_LOG_LEVEL", allowed: LOG_LEVELS.join(", "), value: level }, lang),
    };
  const kind = env.LEADWIRE_SENDER ?? (env.LEADWIRE_WEBHOOK_URL ? "webhook" : "log");
  if (kind !== "log" && kind !== "webhook")
    return { ok: false, message: translate("serve.bad_env", { name: "LEADWIRE_SENDER", allowed: "log, webhook", value: kind }, lang) };
  const allowDestinations = (env.LEADWIRE_ALLOW_DESTINATIONS ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  const sender: SenderConfig =
    kind === "log" ? { kind } : { kind, allowDestinations, ...(env.LEADWIRE_WEBHOOK_URL ? { url: env.LEADWIRE_WEBHOOK_URL } : {}) };
  const credentials: Credentials = {};
  for (const role of ROLES) {
    const token = env[CREDENTIAL_ENV[role]];
    if (!token) continue;
    if (token.length < MIN_TOKEN_LENGTH)
      return { ok: false, message: translate("serve.short_token", { name: CREDENTIAL_ENV[role], min: MIN_TOKEN_LENGTH }, lang) };
    credentials[role] = token;
  }
  const rate = env.LEADWIRE_RATE_LIMIT;
  let rateLimit: RateLimit | false = DEFAULT_RATE_LIMIT;
  if (rate === "off") rateLimit = false;
  else if (rate !== undefined) {
    if (!/^\d{1,7}$/.test(rate) || Number(rate) === 0)
      return {
        ok: false,
        message: translate(
          "serve.bad_number",
          { name: "LEADWIRE_RATE_LIMIT", allowed: "requests per second per client (1 or more) or off", value: rate },
          lang,
        ),
      };
    rateLimit = { max: Number(rate), windowMs: 1_000 };
  }
  return { ok: true, level, sender, credentials, rateLimit };
}

function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65_535 ? port : null;
}

export async function serveCommand(args: ServeArgs, io: Io): Promise<number> {
  const { lang } = args;
  const fail = (...lines: string[]) => {
    io.err(translate("serve.cannot_start", {}, lang));
    for (const line of lines) io.err(line);
    return 2;
  };
  const port = parsePort(args.port ?? "8080");
  if (port === null) return fail(translate("serve.bad_port", { port: String(args.port) }, lang));
  const host = args.host ?? "127.0.0.1";
  const retentionDays = Number(args.retention ?? 30);
  if (!Number.isFinite(retentionDays) || retentionDays <= 0)
    return fail(translate("serve.bad_retention", { value: String(args.retention) }, lang));
  if (args.redis !== undefined && !/^rediss?:\/\//i.test(args.redis)) return fail(translate("serve.bad_redis", { url: args.redis }, lang));
  const env = envSettings(process.env, lang);
  if (!env.ok) return fail(env.message);
  const missing = ROLES.filter((role) => !env.credentials[role]).map((role) => CREDENTIAL_ENV[role]);
  if (!isLoopbackHost(host) && missing.length > 0)
    return fail(translate("serve.needs_credentials", { host, missing: missing.join(", "), min: MIN_TOKEN_LENGTH }, lang));

  const readFlowFile = async () => prepareFlow(await readFile(args.flow, "utf8"), lang);
  let first;
  try {
    first = await readFlowFile();
  } catch (error) {
    return fail(translate("cli.cannot_read", { file: args.flow, detail: error instanceof Error ? error.message : String(error) }, lang));
  }
  if (!first.ok) return fail(...first.problems.map(problemLine));

  const logger = pino(serviceLoggerOptions(env.level));
  if (isOpen(env.credentials))
    logger.warn({ event: "open" }, translate("serve.open", { names: ROLES.map((r) => CREDENTIAL_ENV[r]).join(", ") }, lang));
  if (env.sender.kind === "webhook" && env.sender.allowDestinations?.length)
    logger.warn(
      { event: "allowed_destinations", hosts: env.sender.allowDestinations },
      translate("serve.allowed_destinations", { hosts: env.sender.allowDestinations.join(", ") }, lang),
    );
  let store: StateStore;
  if (args.redis !== undefined) {
    const redis = new RedisStore(args.redis, { retentionMs: retentionDays * 86_400_000 });
    try {
      await redis.connect();
    } catch (error) {
      logger.warn(
        { event: "redis_unreachable" },
        translate("serve.redis_unreachable", { detail: error instanceof StoreUnavailableError ? error.detail : String(error) }, lang),
      );
    }
    store = redis;
  } else store = new MemoryStore({ retentionMs: retentionDays * 86_400_000 });

  const service = await buildService({
    retentionDays,
    ...(args.followLeads ? { followLeads: true } : {}),
    flow: first.active,
    store,
    lang,
    logger,
    sender: createSender(env.sender, logger, lang),
    defaultMetrics: true,
    credentials: env.credentials,
    rateLimit: env.rateLimit,
  });
  try {
    await service.app.listen({ port, host });
  } catch (error) {
    await service.close();
    return fail(error instanceof Error ? error.message : String(error));
  }
  const address = service.app.server.address() as AddressInfo;
  logger.info(
    { event: "listening", host, port: address.port, store: store.kind, flow: first.active.id },
    translate("serve.listening", { name: first.active.compiled.flow.name, host, port: address.port, store: store.kind }, lang),
  );

  return new Promise<number>((resolve) => {
    const reload = () => {
      logger.info({ event: "reload" }, translate("serve.reloading", { file: args.flow }, lang));
      readFile(args.flow, "utf8").then(
        (text) => {
          if (!service.replaceFlow(text).ok)
            logger.warn({ event: "reload_failed" }, translate("serve.reload_failed", { file: args.flow }, lang));
        },
        (error: unknown) =>
          logger.warn({ event: "reload_failed", err: error }, translate("serve.reload_failed", { file: args.flow }, lang)),
      );
    };
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGHUP", reload);
      process.off("SIGTERM", stop);
      process.off("SIGINT", stop);
      logger.info({ event: "stopping", signal }, translate("serve.stopping", { signal }, lang));
      service.close().then(
        () => {
          logger.info({ event: "stopped" }, translate("serve.stopped", {}, lang));
          resolve(0);
        },
        (error: unknown) => {
          logger.error({ event: "stop_failed", err: error }, error instanceof Error ? error.message : String(error));
          resolve(1);
        },
      );
    };
    process.on("SIGHUP", reload);
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  });
}
