// Where a sender may connect: public unicast addresses only, unless the operator allows a host by name (no SSRF).
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

/** Why a destination was refused: a message key of ../service/messages with its parameters. */
export class DestinationRefused extends Error {
  constructor(
    readonly host: string,
    readonly range: string,
  ) {
    super(`${host} is a ${range} address`);
    this.name = "DestinationRefused";
  }
}

/** "unicast" is ipaddr.js's name for a public address; every other range (loopback, private, linkLocal, uniqueLocal, …) is internal. */
export function addressRange(address: string): string {
  if (!ipaddr.isValid(address)) return "invalid";
  // process() turns an IPv4-mapped IPv6 address (::ffff:127.0.0.1) into the IPv4 address it carries.
  return ipaddr.process(address).range();
}

export const isPublicAddress = (address: string): boolean => addressRange(address) === "unicast";

/** A URL's host name as the operator would write it in the allow list: lower case, no brackets, no trailing dot. */
export function hostKey(hostname: string): string {
  return hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
}

/** `serve --host`: only loopback keeps other machines out (used to decide whether credentials are required). */
export function isLoopbackHost(host: string): boolean {
  const key = hostKey(host);
  return key === "localhost" || (ipaddr.isValid(key) && addressRange(key) === "loopback");
}

export class DestinationGuard {
  private readonly allowed: ReadonlySet<string>;

  /** `allow`: host names (or literal addresses) the operator lets senders reach even when internal. */
  constructor(allow: readonly string[] = []) {
    this.allowed = new Set(allow.map(hostKey).filter(Boolean));
  }

  isAllowed(hostname: string): boolean {
    return this.allowed.has(hostKey(hostname));
  }

  /**
   * Checks a URL before connecting. The WHATWG parser has already turned numeric forms (127.1, 2130706433, 0x7f000001)
   * into dotted addresses, so a literal address is classified here; a name is classified by `lookup` at connect time.
   */
  check(url: URL): void {
    const key = hostKey(url.hostname);
    if (this.allowed.has(key) || !ipaddr.isValid(key)) return;
    const range = addressRange(key);
    if (range !== "unicast") throw new DestinationRefused(url.hostname, range);
  }

  /**
   * A `lookup` for http.request: resolves the name and hands the socket only a public address, so the address
   * actually connected to is the one checked (a DNS answer that changes between check and connect cannot slip through).
   */
  readonly lookup: LookupFunction = (hostname: string, options: LookupOptions, callback): void => {
    const allowed = this.isAllowed(hostname);
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      const list = addresses as LookupAddress[];
      const usable = allowed ? list : list.filter((a) => isPublicAddress(a.address));
      const first = usable[0];
      if (!first) return callback(new DestinationRefused(hostname, addressRange(list[0]?.address ?? "")), "");
      if (options.all) return callback(null, usable);
      callback(null, first.address, first.family);
    });
  };
}
