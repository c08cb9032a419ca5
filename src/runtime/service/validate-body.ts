// Checks a POST /v1/leads body as a whole before anything is routed: every problem listed with its place (`leads[3].id`).
import { translate, type RuntimeCode } from "../texts";
import { toTime, type Lang, type MessageParams } from "../../engine";
import type { ServiceLead } from "./router";

export interface BodyProblem {
  readonly code: string;
  /** Where in the body: `$` for the whole body, `id` for a single lead, `leads[3].id` in a batch. */
  readonly path: string;
  readonly message: string;
}

export interface BodyLimits {
  /** Leads one request may carry. */
  readonly maxLeads: number;
  /** Characters a lead id may have (ids are Redis hash fields and log fields). */
  readonly maxIdLength: number;
}

export const DEFAULT_BODY_LIMITS: BodyLimits = { maxLeads: 1_000, maxIdLength: 256 };

export type ParsedLeads = { ok: true; leads: ServiceLead[] } | { ok: false; status: 400 | 413; problems: BodyProblem[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

function problem(code: RuntimeCode, path: string, params: MessageParams, lang: Lang): BodyProblem {
  return { code, path, message: translate(code, { path, ...params }, lang) };
}

/** The problems of one lead at `at` (its path prefix, "" for a single lead). */
function leadProblems(lead: unknown, at: string, limits: BodyLimits, lang: Lang): BodyProblem[] {
  const join = (key: string) => (at ? `${at}.${key}` : key);
  if (!isRecord(lead)) return [problem("service.lead_not_object", at || "$", {}, lang)];
  const out: BodyProblem[] = [];
  const id = hasOwn(lead, "id") ? lead.id : undefined;
  if (typeof id !== "string" || id.trim() === "") out.push(problem("service.lead_id", join("id"), {}, lang));
  else if (id.length > limits.maxIdLength) out.push(problem("service.lead_id_long", join("id"), { max: limits.maxIdLength }, lang));
  const created = hasOwn(lead, "createdAt") ? lead.createdAt : undefined;
  if (created !== undefined && created !== null && created !== "" && Number.isNaN(toTime(created))) {
    out.push(problem("service.lead_created_at", join("createdAt"), { value: String(created) }, lang));
  }
  return out;
}

/** One lead object, or `{ "leads": [...] }` (an object with `leads` and no `id`). */
export function parseLeadsBody(body: unknown, lang: Lang = "en", limits: BodyLimits = DEFAULT_BODY_LIMITS): ParsedLeads {
  if (!isRecord(body)) return { ok: false, status: 400, problems: [problem("service.body_shape", "$", {}, lang)] };
  if (!hasOwn(body, "leads") || hasOwn(body, "id")) {
    const problems = leadProblems(body, "", limits, lang);
    return problems.length ? { ok: false, status: 400, problems } : { ok: true, leads: [body as ServiceLead] };
  }
  const list = body.leads;
  if (!Array.isArray(list)) return { ok: false, status: 400, problems: [problem("service.leads_not_list", "leads", {}, lang)] };
  if (list.length > limits.maxLeads) {
    return {
      ok: false,
      status: 413,
      problems: [problem("service.too_many_leads", "leads", { max: limits.maxLeads, count: list.length }, lang)],
    };
  }
  const problems = list.flatMap((lead: unknown, i) => leadProblems(lead, `leads[${i}]`, limits, lang));
  return problems.length ? { ok: false, status: 400, problems } : { ok: true, leads: list as ServiceLead[] };
}
