// Value helpers shared by condition operators: emptiness, case-insensitive text, numbers and dates from lead cells.
import { normText as normTextOf } from "../expr";
import { timeOf } from "../expr/dates";
import { overlaidLead } from "../overlay";
import { parseIsoUtc } from "../iso-time";

export type LeadRecord = Readonly<Record<string, unknown>>;

const hasOwn = Object.prototype.hasOwnProperty;

/** Reads a lead's own field only: inherited names such as `constructor` read as missing (through an overlay, its lead's). */
export function readField(lead: LeadRecord, key: string): unknown {
  if (hasOwn.call(lead, key)) return lead[key];
  const under = overlaidLead(lead);
  return under === undefined ? undefined : readField(under, key);
}

/** A plain object with every field of a lead (an overlay's written fields over its lead's), for the state to keep. */
export function plainLead(lead: LeadRecord): Record<string, unknown> {
  const under = overlaidLead(lead);
  if (under === undefined) return Object.assign({}, lead);
  const out = plainLead(under);
  for (const key of Object.keys(lead)) out[key] = lead[key];
  return out;
}

export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Text compared case-insensitively without surrounding white space (the expression language's rule, for any value). */
export function normText(value: unknown): string {
  return normTextOf(typeof value === "string" ? value : String(value));
}

/** A number from a number or a numeric string; NaN otherwise. */
export function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "") return Number(value);
  return Number.NaN;
}

/**
 * Milliseconds since the epoch from ISO 8601 text or a number; NaN otherwise. The expression language's reader is
 * used so a zone-less time means UTC everywhere (Date.parse would use the machine's zone: worker and server could differ).
 */
export function toTime(value: unknown): number {
  // Fast path for UTC text such as toISOString() writes: with the zone explicit, Date.parse is exact on every machine.
  // Days after the 28th and hour 24 go the strict way, since Date.parse quietly rolls 30 February over into March.
  if (typeof value === "string" && value.length >= 17 && value.charCodeAt(value.length - 1) === 90 && value.charCodeAt(10) === 84) {
    const fixed = parseIsoUtc(value);
    if (!Number.isNaN(fixed)) return fixed;
    const day = (value.charCodeAt(8) - 48) * 10 + (value.charCodeAt(9) - 48);
    const hour = (value.charCodeAt(11) - 48) * 10 + (value.charCodeAt(12) - 48);
    if (day >= 1 && day <= 28 && hour >= 0 && hour <= 23) {
      const ms = Date.parse(value);
      if (!Number.isNaN(ms)) return ms;
    }
  }
  if (value instanceof Date) return value.getTime();
  return timeOf(value) ?? Number.NaN;
}

export function toBoolean(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : null;
  if (typeof value === "string") {
    const t = normText(value);
    if (t === "true" || t === "yes" || t === "1" || t === "是") return true;
    if (t === "false" || t === "no" || t === "0" || t === "否") return false;
  }
  return null;
}

export const DAY_MS = 86_400_000;
