// Reads a flow from text or an object: JSON parse, format check, migration, schema check — problems named by JSON path.
import { z } from "zod";
import { translate, type EngineCode, type Lang, type MessageParams } from "../i18n";
import { FlowSchema, FORMAT, type Flow } from "./schema";
import { migrate, type RawDoc } from "./migrate";

export interface LoadProblem {
  /** The text's code (an engine code here; the flow library adds its own). */
  readonly code: string;
  /** JSON path of the offending value, e.g. `$.nodes[2].config.team`; `$` for the whole document. */
  readonly path: string;
  readonly params: MessageParams;
  readonly message: string;
}

export class FlowLoadError extends Error {
  readonly problems: readonly LoadProblem[];
  constructor(problems: readonly LoadProblem[], lang: Lang = "en") {
    super([translate("doc.load_failed", {}, lang), ...problems.map((p) => `- ${p.message}`)].join("\n"));
    this.name = "FlowLoadError";
    this.problems = problems;
  }
}

export type LoadResult = { ok: true; flow: Flow; migrations: string[] } | { ok: false; problems: LoadProblem[] };

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "$";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (typeof part === "string" && /^[A-Za-z_$][\w$]*$/.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

function problem(code: EngineCode, path: string, params: MessageParams, lang: Lang): LoadProblem {
  return { code, path, params, message: translate(code, { path, ...params }, lang) };
}

/** Where JSON.parse stopped, as line and column, when the engine reports a position. */
function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  if (!at?.[1]) return message;
  const offset = Number(at[1]);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `${message.replace(/\s*\(line \d+ column \d+\)/, "")} (line ${line}, column ${column})`;
}

type ZodIssue = z.core.$ZodIssue;

/** A union failure lists every branch's errors; show the branch that got furthest, which is the one the author meant. */
function flattenIssues(issues: readonly ZodIssue[], base: readonly PropertyKey[] = []): { path: PropertyKey[]; issue: ZodIssue }[] {
  const out: { path: PropertyKey[]; issue: ZodIssue }[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const branches = issue.errors.map((branch) => flattenIssues(branch, path));
      const depth = (b: { path: PropertyKey[] }[]) => Math.max(...b.map((x) => x.path.length)) - b.length / 100;
      const best = branches.reduce((a, b) => (depth(b) > depth(a) ? b : a));
      out.push(...best);
    } else out.push({ path, issue });
  }
  return out;
}

const zhCN = z.locales.zhCN();

function issueText(issue: ZodIssue, lang: Lang): string {
  if (lang === "en") return issue.message;
  const custom = issue.code === "custom" ? undefined : zhCN.localeError?.(issue as never);
  const text = typeof custom === "string" ? custom : custom?.message;
  return text ?? issue.message;
}

function nodeHint(doc: RawDoc, path: readonly PropertyKey[]): string {
  if (path[0] !== "nodes" || typeof path[1] !== "number" || !Array.isArray(doc.nodes)) return "";
  const node: unknown = doc.nodes[path[1]];
  const id = node && typeof node === "object" && "id" in node ? (node as { id: unknown }).id : undefined;
  return typeof id === "string" ? ` (node "${id}")` : "";
}

/** No valid flow nests deeper than this (condition groups may nest 5 deep, about 16 levels); deeper is refused before any recursive step. */
export const MAX_DOCUMENT_DEPTH = 40;

/** The path of the first value nested deeper than `max`, or null; iterative, so no input can overflow the stack (a cyclic object counts as too deep). */
function tooDeep(value: unknown, max: number): PropertyKey[] | null {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop() as { value: unknown; path: PropertyKey[] };
    if (v === null || typeof v !== "object") continue;
    if (path.length >= max) return path;
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    else for (const [k, item] of Object.entries(v)) stack.push({ value: item, path: [...path, k] });
  }
  return null;
}

export function safeLoadFlow(input: unknown, lang: Lang = "en"): LoadResult {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, ""));
    } catch (error) {
      return { ok: false, problems: [problem("doc.not_json", "$", { detail: describeJsonError(input, error) }, lang)] };
    }
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    return { ok: false, problems: [problem("doc.not_object", "$", {}, lang)] };
  const deep = tooDeep(value, MAX_DOCUMENT_DEPTH);
  if (deep) return { ok: false, problems: [problem("doc.too_deep", jsonPath(deep.slice(0, 12)), { max: 5 }, lang)] };
  const raw = value as RawDoc;
  if (raw.format !== FORMAT) return { ok: false, problems: [problem("doc.wrong_format", "$.format", {}, lang)] };
  const migrated = migrate(raw);
  if (!migrated.ok) return { ok: false, problems: [problem(migrated.code, "$.version", migrated.params, lang)] };
  const parsed = FlowSchema.safeParse(migrated.doc);
  if (parsed.success) return { ok: true, flow: parsed.data, migrations: migrated.applied };
  const problems = flattenIssues(parsed.error.issues).map(({ path, issue }) => {
    const where = jsonPath(path) + nodeHint(migrated.doc, path);
    const params = issue.code === "custom" ? (issue.params as MessageParams | undefined) : undefined;
    if (params?.code === "doc.duplicate_id") return problem("doc.duplicate_id", where, params, lang);
    return problem("doc.invalid", where, { detail: issueText(issue, lang) }, lang);
  });
  return { ok: false, problems };
}

/** Parses, migrates and schema-checks a flow; throws a FlowLoadError listing every problem. */
export function loadFlow(input: unknown, lang: Lang = "en"): Flow {
  const result = safeLoadFlow(input, lang);
  if (!result.ok) throw new FlowLoadError(result.problems, lang);
  return result.flow;
}
