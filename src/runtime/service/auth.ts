// Credentials of the service: three roles (admin, read, ingest), bearer tokens compared in constant time.
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { translate } from "../texts";
import type { Lang } from "../../engine";

/** admin: change the flow (and everything else); read: state, leads, rotation, metrics; ingest: send leads and events. */
export type Role = "admin" | "read" | "ingest";
export const ROLES: readonly Role[] = ["admin", "read", "ingest"];

export type Credentials = Partial<Record<Role, string>>;

/** Where an operator sets each credential (docs/security.md). */
export const CREDENTIAL_ENV: Readonly<Record<Role, string>> = {
  admin: "LEADWIRE_ADMIN_TOKEN",
  read: "LEADWIRE_READ_TOKEN",
  ingest: "LEADWIRE_INGEST_TOKEN",
};

/** Shorter tokens can be guessed over a network within the rate limit's patience. */
export const MIN_TOKEN_LENGTH = 16;

const digest = (text: string) => createHash("sha256").update(text).digest();

/** True when no credential is configured at all: every endpoint is open (only allowed on loopback by `serve`). */
export function isOpen(credentials: Credentials): boolean {
  return ROLES.every((role) => !credentials[role]);
}

/** The role a bearer token belongs to, or null; every configured token is compared, in constant time each. */
function roleOf(header: string | undefined, digests: readonly (readonly [Role, Buffer])[]): Role | null {
  const sent = digest(/^Bearer\s+(.+)$/i.exec(header ?? "")?.[1]?.trim() ?? "");
  let found: Role | null = null;
  // No early exit: the time taken does not tell which token nearly matched.
  for (const [role, expected] of digests) if (timingSafeEqual(sent, expected) && found === null) found = role;
  return found;
}

/**
 * A preHandler that lets a request through when it carries the token of `role` or the admin token.
 * Without any configured credential the service is open (development on loopback).
 */
export function requireRole(credentials: Credentials, role: Role, lang: Lang) {
  const digests = ROLES.flatMap((r) => (credentials[r] ? [[r, digest(credentials[r])] as const] : []));
  const open = isOpen(credentials);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (open) return;
    const sent = roleOf(request.headers.authorization, digests);
    if (sent === role || sent === "admin") return;
    if (sent === null) {
      await reply
        .code(401)
        .header("www-authenticate", 'Bearer realm="leadwire"')
        .send({ error: translate("service.unauthorized", { role, env: CREDENTIAL_ENV[role] }, lang) });
      return;
    }
    await reply.code(403).send({ error: translate("service.forbidden", { role, sent }, lang) });
  };
}
