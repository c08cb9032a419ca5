// The `leadwire` command line: validate and run flows on CSV/JSON leads with the engine (serve lives in ./serve).
import { translate } from "./texts";
import { readFile, writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { parseArgs } from "node:util";
import {
  compileFlow,
  FlowValidationError,
  safeLoadFlow,
  isLang,
  type Lang,
  type ImportResult,
  normaliseState,
  validateFlow,
  hasErrors,
  type Issue,
  type Flow,
  parseEventsCsv,
  parseEventsJson,
  type LeadEvent,
} from "../engine";
import { decodeLeadsBytes, formatImportWarning, leadsForRun, parseLeadsCsv, parseLeadsJson, summariseWarnings } from "../engine/leads";
import type { Io } from "./io";
import { formatSummary } from "./summary-table";

export type { Io } from "./io";

const consoleIo: Io = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };

class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function issueLine(issue: Issue): string {
  const where = [issue.nodeId ? `node ${issue.nodeId}` : "", issue.path ?? ""].filter(Boolean).join(" ");
  return `${issue.severity === "error" ? "error  " : "warning"}  ${where ? `${where}: ` : ""}${issue.message}`;
}

async function readText(file: string, io: Io, lang: Lang): Promise<string> {
  return new TextDecoder().decode(await readBytes(file, io, lang));
}

async function readBytes(file: string, io: Io, lang: Lang): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    io.err(translate("cli.cannot_read", { file, detail: error instanceof Error ? error.message : String(error) }, lang));
    throw new CliExit(2);
  }
}

/** Loads a flow or prints why not: 2 when it is not JSON, 1 when it is JSON but not a valid flow. */
async function readFlow(file: string, io: Io, lang: Lang): Promise<Flow> {
  const text = await readText(file, io, lang);
  const loaded = safeLoadFlow(text, lang);
  if (loaded.ok) return loaded.flow;
  for (const p of loaded.problems) io.err(`error    ${p.message}`);
  throw new CliExit(loaded.problems.some((p) => p.code === "doc.not_json") ? 2 : 1);
}

async function validateCommand(file: string, lang: Lang, io: Io): Promise<number> {
  const flow = await readFlow(file, io, lang);
  const issues = validateFlow(flow, { lang });
  for (const issue of issues) io.out(issueLine(issue));
  const errors = issues.filter((i) => i.severity === "error").length;
  io.out(
    issues.length === 0
      ? translate("cli.no_issues", { file }, lang)
      : translate("cli.issue_counts", { file, errors, warnings: issues.length - errors }, lang),
  );
  return hasErrors(issues) ? 1 : 0;
}

const WARNINGS_SHOWN = 20;

function printImportWarnings(result: ImportResult, lang: Lang, io: Io): void {
  if (result.warnings.length === 0) return;
  io.err(translate("cli.import_warnings", { count: result.warnings.length }, lang));
  for (const group of summariseWarnings(result.warnings).slice(0, WARNINGS_SHOWN)) {
    const first = result.warnings.find((w) => w.code === group.code && w.column === group.column);
    const rows = group.firstRows.join(", ") + (group.count > group.firstRows.length ? ", …" : "");
    io.err(`  ${group.count} × ${first ? formatImportWarning(first, lang) : group.code}  [rows ${rows}]`);
  }
}

interface RunArgs {
  flow: string;
  leads: string;
  events?: string;
  state?: string;
  out?: string;
  trace: boolean;
  now?: string;
  /** How 02/03/2026 is read in every date column (spec §3); without it a column's own values must settle it. */
  dateOrder?: "dmy" | "mdy";
  lang: Lang;
}

/** Reads an events file (JSON by extension or content, CSV otherwise) and prints its per-row warnings. */
async function readEvents(file: string, io: Io, lang: Lang): Promise<LeadEvent[]> {
  const text = await readText(file, io, lang);
  const json = extname(file).toLowerCase() === ".json" || /^\s*[[{]/.test(text.replace(/^\uFEFF/, ""));
  const parsed = json ? parseEventsJson(text, lang) : parseEventsCsv(text, lang);
  if (parsed.warnings.length > 0) io.err(translate("cli.event_warnings", { count: parsed.warnings.length }, lang));
  for (const w of parsed.warnings.slice(0, WARNINGS_SHOWN)) io.err(`  ${w.message}`);
  return parsed.events;
}

async function runCommand(args: RunArgs, io: Io): Promise<number> {
  const { lang } = args;
  const flow = await readFlow(args.flow, io, lang);
  let compiled;
  try {
    compiled = compileFlow(flow, { lang });
  } catch (error) {
    if (!(error instanceof FlowValidationError)) throw error;
    for (const issue of error.issues) io.err(issueLine(issue));
    return 1;
  }
  for (const issue of compiled.issues) io.err(issueLine(issue));
  const now = args.now ?? flow.settings?.referenceTime ?? new Date().toISOString();
  const nowIso = new Date(now).toISOString();
  const ext = extname(args.leads).toLowerCase();
  if (ext !== ".csv" && ext !== ".json") {
    io.err(translate("cli.leads_format", { file: args.leads }, lang));
    return 2;
  }
  // Bytes, not text: a file that is not UTF-8 is reported with its line and byte instead of silently read as U+FFFD.
  const decoded = decodeLeadsBytes(await readBytes(args.leads, io, lang));
  const parse = ext === ".csv" ? parseLeadsCsv : parseLeadsJson;
  const parsed = parse(decoded.text, flow.fields, { referenceTime: nowIso, ...(args.dateOrder ? { dateOrder: args.dateOrder } : {}) });
  const imported = decoded.warning ? { ...parsed, warnings: [decoded.warning, ...parsed.warnings] } : parsed;
  printImportWarnings(imported, lang, io);
  const leads = leadsForRun(imported);
  // Nothing importable is an error, unless the file holds no rows on purpose and events are to be applied (spec §9).
  if (leads.length === 0 && !(args.events && imported.rowCount === 0)) {
    io.err(translate("cli.nothing_to_run", { file: args.leads }, lang));
    return 2;
  }
  let state: unknown;
  if (args.state) {
    const stateText = await readText(args.state, io, lang).catch((e: unknown) => {
      if (e instanceof CliExit) return null;
      throw e;
    });
    if (stateText !== null) {
      try {
        state = normaliseState(JSON.parse(stateText));
      } catch (error) {
        io.err(translate("cli.bad_state", { file: args.state, detail: error instanceof Error ? error.message : String(error) }, lang));
        return 2;
      }
    }
  }
  const events = args.events ? await readEvents(args.events, io, lang) : undefined;
  const result = compiled.run(leads, { state, now: nowIso, trace: args.trace, lang, ...(events ? { events } : {}) });
  const runWarnings = result.warnings ?? [];
  if (runWarnings.length > 0) io.err(translate("cli.run_warnings", { count: runWarnings.length }, lang));
  for (const w of runWarnings.slice(0, WARNINGS_SHOWN)) io.err(`  ${w.message}`);
  if (result.notDue && result.notDue.leads.length + result.notDue.events.length > 0) {
    io.err(translate("cli.not_due", { now: nowIso, leads: result.notDue.leads.length, events: result.notDue.events.length }, lang));
  }
  io.out(formatSummary(flow, result.summary, lang));
  if (args.out) {
    const body = {
      summary: result.summary,
      leads: result.outcomes,
      state: result.state,
      importWarnings: imported.warnings,
      ...(result.warnings ? { warnings: result.warnings } : {}),
      ...(result.notDue ? { notDue: result.notDue } : {}),
    };
    await writeFile(args.out, `${JSON.stringify(body, null, 2)}\n`);
    io.out(translate("cli.wrote", { file: args.out }, lang));
  }
  return 0;
}

export async function main(argv: readonly string[], io: Io = consoleIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        state: { type: "string" },
        out: { type: "string" },
        events: { type: "string" },
        trace: { type: "boolean" },
        now: { type: "string" },
        "date-order": { type: "string" },
        lang: { type: "string" },
        port: { type: "string" },
        redis: { type: "string" },
        retention: { type: "string" },
        "follow-leads": { type: "boolean" },
        host: { type: "string" },
        help: { type: "boolean", short: "h" },
        outcome: { type: "string" },
        flow: { type: "string" },
      },
    });
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    io.err(translate("cli.usage"));
    return 2;
  }
  const { values, positionals } = parsed;
  const lang: Lang = isLang(values.lang) ? values.lang : "en";
  const [command, ...rest] = positionals;
  try {
    if (values.help || !command) {
      io.out(translate("cli.usage", {}, lang));
      return command || values.help ? 0 : 2;
    }
    if (command === "validate") {
      if (!rest[0]) {
        io.err(translate("cli.missing_arg", { what: "flow.json" }, lang));
        return 2;
      }
      return await validateCommand(rest[0], lang, io);
    }
    if (command === "run") {
      if (!rest[0] || !rest[1]) {
        io.err(translate("cli.missing_arg", { what: rest[0] ? "leads file" : "flow.json" }, lang));
        return 2;
      }
      const dateOrder = values["date-order"];
      if (dateOrder !== undefined && dateOrder !== "dmy" && dateOrder !== "mdy") {
        io.err(translate("cli.bad_date_order", { value: dateOrder }, lang));
        return 2;
      }
      return await runCommand(
        {
          flow: rest[0],
          leads: rest[1],
          events: values.events,
          state: values.state,
          out: values.out,
          trace: values.trace === true,
          now: values.now,
          ...(dateOrder ? { dateOrder } : {}),
          lang,
        },
        io,
      );
    }
    if (command === "serve") {
      if (!rest[0]) {
        io.err(translate("cli.missing_arg", { what: "flow.json" }, lang));
        return 2;
      }
      const { serveCommand } = await import("./serve-command");
      return await serveCommand(
        {
          flow: rest[0],
          port: values.port,
          host: values.host,
          redis: values.redis,
          retention: values.retention,
          followLeads: values["follow-leads"] === true,
          lang,
        },
        io,
      );
    }
    if (command === "suggest-score") {
      if (!rest[0]) {
        io.err(translate("cli.missing_arg", { what: "leads file" }, lang));
        return 2;
      }
      const { suggestScoreCommand } = await import("./suggest-command");
      return await suggestScoreCommand({ leads: rest[0], outcome: values.outcome, flow: values.flow, out: values.out, lang }, io);
    }
    io.err(translate("cli.unknown_command", { command }, lang));
    io.err(translate("cli.usage", {}, lang));
    return 2;
  } catch (error) {
    if (error instanceof CliExit) return error.code;
    throw error;
  }
}
