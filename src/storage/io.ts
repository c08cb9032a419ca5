// Export and import of flow documents: canonical pretty JSON with $schema out; schema-checked, migrated documents in.
import { translate, type StorageMessageCode } from "./messages";
import { safeLoadFlow, validateFlow, type Flow, type Issue, type Lang, type LoadProblem, SCHEMA_ID } from "../engine";
import type { FlowDraft, FlowLibrary } from "./library";

export { SCHEMA_ID };

/** Keys that come first, in this order, wherever they appear; every other key follows in code-point order. */
const KEY_ORDER = [
  "$schema",
  "format",
  "version",
  "id",
  "type",
  "key",
  "name",
  "label",
  "description",
  "email",
  "active",
  "position",
  "x",
  "y",
  "source",
  "sourcePort",
  "target",
  "targetPort",
  "settings",
  "fields",
  "teams",
  "members",
  "nodes",
  "edges",
  "config",
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function compareKeys(a: string, b: string): number {
  const ra = RANK.get(a) ?? KEY_ORDER.length;
  const rb = RANK.get(b) ?? KEY_ORDER.length;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The same value with every object's keys in the canonical order (arrays keep theirs: order means something there). */
export function canonicalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalise);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareKeys)) {
    const v = value[key];
    if (v !== undefined) out[key] = canonicalise(v);
  }
  return out;
}

/** The export text: the document pretty-printed (2 spaces, trailing newline) in canonical key order, `$schema` first. */
export function exportText(doc: Flow): string {
  return `${JSON.stringify(canonicalise({ ...doc, $schema: SCHEMA_ID }), null, 2)}\n`;
}

/** A file name from the flow's name: letters and digits of any script kept, the rest folded to "-". */
export function exportFilename(name: string, lang: Lang = "en"): string {
  const slug = name
    .normalize("NFKC")
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slug || translate("storage.flow_file", {}, lang)}.json`;
}

export interface ExportFile {
  filename: string;
  text: string;
  mimeType: "application/json";
}

/** What the "Export" button downloads (and "Copy JSON" copies: `text`). */
export function exportFlow(doc: Flow, lang: Lang = "en"): ExportFile {
  return {
    filename: exportFilename(typeof doc.name === "string" ? doc.name : "", lang),
    text: exportText(doc),
    mimeType: "application/json",
  };
}

/**
 * The document as canonical text without what an export/import round trip may change (`$schema`, and `id`, which an
 * import as a new flow replaces when taken), so two documents compare equal exactly when their contents are.
 */
export function normaliseForCompare(doc: unknown): string {
  const value: unknown = typeof doc === "string" ? JSON.parse(doc) : doc;
  if (!isRecord(value)) return JSON.stringify(canonicalise(value), null, 2);
  const { $schema: _schema, id: _id, ...rest } = value;
  return JSON.stringify(canonicalise(rest), null, 2);
}

export type ImportMode = { mode: "new" } | { mode: "replace"; id: string; expectedRevision?: number };

export interface ImportOptions {
  lang?: Lang;
  /** Default `{ mode: "new" }`: an import never overwrites a flow unless the user chose which one. */
  mode?: ImportMode;
}

export type ImportResult =
  | {
      ok: true;
      draft: FlowDraft;
      /** Descriptions of the format upgrades applied to an older document. */
      migrations: string[];
      /** The document's id was taken, so the new flow got another one. */
      idChanged: boolean;
      /** Validation issues of the imported flow (it is imported anyway; the canvas shows them). */
      issues: Issue[];
    }
  | { ok: false; problems: LoadProblem[] };

function storageProblem(code: StorageMessageCode, params: Record<string, string>, lang: Lang): LoadProblem {
  return { code, path: "$", params, message: translate(code, params, lang) };
}

/** Reads, migrates and schema-checks text (a file, a drop, a paste); problems carry a JSON path and a message in `lang`. */
export function parseImport(text: string, lang: Lang = "en"): ReturnType<typeof safeLoadFlow> {
  return safeLoadFlow(text, lang);
}

/** Imports a flow document into the library; on any problem nothing is written. */
export async function importFlow(library: FlowLibrary, text: string, options: ImportOptions = {}): Promise<ImportResult> {
  const lang = options.lang ?? library.lang;
  const loaded = parseImport(text, lang);
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  const { $schema: _schema, ...flow } = loaded.flow;
  const issues = validateFlow(loaded.flow, { lang });
  const mode = options.mode ?? { mode: "new" };
  if (mode.mode === "new") {
    const draft = await library.create({ from: flow, preferId: flow.id });
    return { ok: true, draft, migrations: loaded.migrations, idChanged: draft.doc.id !== flow.id, issues };
  }
  const target = await library.summary(mode.id);
  if (!target || target.deletedAt !== undefined)
    return { ok: false, problems: [storageProblem("storage.replace_missing", { id: mode.id }, lang)] };
  const saved = await library.saveDraft(mode.id, flow, mode.expectedRevision ?? target.revision);
  const draft = saved.ok ? await library.getDraft(mode.id) : null;
  if (!draft) return { ok: false, problems: [storageProblem("storage.replace_conflict", {}, lang)] };
  return { ok: true, draft, migrations: loaded.migrations, idChanged: flow.id !== mode.id, issues };
}
