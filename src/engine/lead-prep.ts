// Prepares a batch's leads before a run (the library, the CLI and the service alike): fills a missing id or createdAt
// with a warning, and turns an item that cannot run into an `error` outcome's input — no lead ever vanishes (spec §3, §6).
import { toTime } from "./conditions/values";
import { translate, type Lang } from "./i18n";

/** A lead that needed a fill-in (a copy with warnings) or cannot run (an error); most leads need neither. */
export interface Special {
  id: string;
  data: Record<string, unknown>;
  warnings: string[];
  error?: string;
}

export interface Batch {
  readonly times: Float64Array;
  /** Sparse: only leads that needed a fill-in or cannot run have an entry; the rest run as given. */
  readonly special: (Special | undefined)[];
}

const hasOwn = Object.prototype.hasOwnProperty;

/** An id counts when it has something besides white space (an ASCII letter first decides without trimming). */
function isPresentId(id: string): boolean {
  const c = id.charCodeAt(0);
  return (c > 32 && c < 127) || id.trim() !== "";
}

export function prepareBatch(leads: readonly unknown[], now: number, lang: Lang): Batch {
  const times = new Float64Array(leads.length);
  const special: (Special | undefined)[] = new Array(leads.length);
  for (let i = 0; i < leads.length; i++) {
    const raw = leads[i];
    if (raw && typeof raw === "object" && !Array.isArray(raw)) {
      const id = hasOwn.call(raw, "id") ? (raw as Record<string, unknown>).id : undefined;
      const createdAt = hasOwn.call(raw, "createdAt") ? (raw as Record<string, unknown>).createdAt : undefined;
      if (typeof id === "string" && isPresentId(id) && createdAt !== undefined && createdAt !== null && createdAt !== "") {
        const time = toTime(createdAt);
        if (!Number.isNaN(time)) {
          times[i] = time;
          continue;
        }
      }
    }
    const fixed = fixLead(raw, i, now, lang);
    times[i] = fixed.time;
    special[i] = fixed;
  }
  return { times, special };
}

/** The rare path: fills a missing id or createdAt on a copy, each fill-in a warning, or says why the lead cannot run. */
function fixLead(raw: unknown, index: number, now: number, lang: Lang): Special & { time: number } {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    return { id: `row-${index + 1}`, time: now, data: {}, warnings: [], error: translate("run.not_an_object", {}, lang) };
  }
  const input = raw as Readonly<Record<string, unknown>>;
  const data: Record<string, unknown> = Object.assign({}, input);
  const warnings: string[] = [];
  const rawId = hasOwn.call(input, "id") ? input.id : undefined;
  let id: string;
  if (typeof rawId === "string" && isPresentId(rawId)) id = rawId;
  else if (typeof rawId === "number" && Number.isFinite(rawId)) id = String(rawId);
  else {
    id = `row-${index + 1}`;
    warnings.push(translate("run.missing_id", { id }, lang));
  }
  data.id = id;
  const rawTime = hasOwn.call(input, "createdAt") ? input.createdAt : undefined;
  const time = rawTime === undefined || rawTime === null || rawTime === "" ? Number.NaN : toTime(rawTime);
  if (Number.isNaN(time)) {
    // An unreadable createdAt is read as none (as the import reads any cell it cannot coerce): the reference time, with a warning.
    const iso = new Date(now).toISOString();
    data.createdAt = iso;
    const missing = rawTime === undefined || rawTime === null || rawTime === "";
    warnings.push(
      missing
        ? translate("run.missing_created_at", { time: iso }, lang)
        : translate("run.unreadable_created_at", { value: shortText(rawTime), time: iso }, lang),
    );
    return { id, time: now, data, warnings };
  }
  return { id, time, data, warnings };
}

/** A value as a warning quotes it: short, whatever its type. */
function shortText(value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
