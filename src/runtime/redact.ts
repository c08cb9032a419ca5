// Keeps credentials out of the service's log: secrets inside URLs (user:pass@, ?api_key=…) and authorization headers.
import type { LoggerOptions } from "pino";

/** Query parameters whose value is a secret (matched by name, any case, also as a suffix: x_api_key, access_token). */
const SECRET_PARAM =
  /(?:^|[_-])(?:key|apikey|api_key|token|secret|password|passwd|pwd|auth|authorization|signature|sig|credential|credentials|session|code)$/i;

const REDACTED = "[redacted]";
/** A URL anywhere in free text: scheme, then everything up to white space or a quote. */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;

/** One URL with its user info and secret query values replaced; text that is not a URL comes back unchanged. */
export function redactUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text;
  }
  let changed = false;
  if (url.username || url.password) {
    url.username = "";
    url.password = "";
    changed = true;
  }
  for (const name of [...url.searchParams.keys()]) {
    if (SECRET_PARAM.test(name) && url.searchParams.get(name) !== REDACTED) {
      url.searchParams.set(name, REDACTED);
      changed = true;
    }
  }
  if (!changed) return text;
  // The user info is dropped, not starred, so that a receiver's name (also a secret for some hosts) never shows.
  return url.toString().replace(/%5Bredacted%5D/gi, REDACTED);
}

/** Every URL inside a piece of text (a log message, an error) redacted. */
export function redactText(text: string): string {
  return text.includes("://") ? text.replace(URL_IN_TEXT, (url) => redactUrl(url)) : text;
}

const MAX_DEPTH = 6;

/** A copy of a log object with every string's URLs redacted (bounded depth: log objects are small and flat). */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (depth >= MAX_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  if (value instanceof Error)
    return { type: value.name, message: redactText(value.message), ...(value.stack ? { stack: redactText(value.stack) } : {}) };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactValue(v, depth + 1);
  return out;
}

/** pino options for the service: authorization headers censored, URL secrets removed from every field and message. */
export function serviceLoggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { pid: process.pid },
    redact: { paths: ["req.headers.authorization", "headers.authorization", "authorization", "*.authorization"], censor: REDACTED },
    formatters: { log: (object) => redactValue(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === "string" ? redactText(a) : a)) as Parameters<typeof method>);
      },
    },
  };
}
