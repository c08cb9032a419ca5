// Results out of the browser: CSV (one row per lead, safe to open in a spreadsheet) and JSON in the CLI's `--out` shape.
import { translate } from "./messages";
import Papa from "papaparse";
import { type RunResult, type Flow, type Lang, type ImportWarning, type Outcome, type Summary, type FlowState } from "../engine";
import type { Story } from "./worker-protocol";

export interface CsvOptions {
  /** Language of the header row (values stay as the engine wrote them); default English. */
  lang?: Lang;
  /** Start with a UTF-8 byte order mark, so Excel reads non-ASCII names right. */
  bom?: boolean;
  /** Each lead's first trace line, for outcomes that came from the worker without their trace (`SimulationRun.firstTraceLines`). */
  firstTraceLines?: readonly string[];
}

const COLUMNS = ["id", "status", "owner", "owner_name", "team", "score", "grade", "path", "notifications", "trace", "error"] as const;

/**
 * A cell a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) gets a leading `'`.
 * Papa's own default pattern ends in `.*$`, which misses a formula followed by a line break; this one looks at the start only.
 * Spreadsheets also skip leading white space (the ideographic space U+3000 included) and read full-width ＝＋－＠ as operators.
 */
const FORMULA_START = /^[\t\r]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;

function row(o: Outcome, names: ReadonlyMap<string, string>, firstTraceLine: string | undefined): (string | number)[] {
  return [
    o.id,
    o.status,
    o.owner ?? "",
    o.owner !== undefined ? (names.get(`${o.team ?? ""}\u0000${o.owner}`) ?? "") : "",
    o.team ?? "",
    typeof o.score === "number" ? o.score : "",
    o.grade ?? "",
    o.path.join(" → "),
    o.notifications.length,
    firstTraceLine ?? o.trace?.[0]?.text ?? "",
    o.error ?? "",
  ];
}

/** One row per lead: id, status, owner, owner name, team, score, grade, path, notifications, first trace line, error. */
export function resultsToCsv(flow: Flow, outcomes: readonly Outcome[], options: CsvOptions = {}): string {
  const names = new Map<string, string>();
  for (const team of flow.teams) for (const m of team.members) names.set(`${team.id}\u0000${m.id}`, m.name);
  const csv = Papa.unparse(
    {
      fields: COLUMNS.map((c) => translate(`sim.csv.${c}`, {}, options.lang)),
      data: outcomes.map((o, i) => row(o, names, options.firstTraceLines?.[i])),
    },
    { escapeFormulae: FORMULA_START, newline: "\r\n" },
  );
  return (options.bom ? "\uFEFF" : "") + csv;
}

export interface JsonOptions {
  /** Keep each lead's trace (the CLI's --trace); default false. */
  trace?: boolean;
  /** The import's warnings, written as the CLI writes them. */
  importWarnings?: readonly ImportWarning[];
}

export interface ResultsDocument {
  summary: Summary;
  leads: Outcome[];
  state: FlowState;
  importWarnings?: ImportWarning[];
}

/**
 * The outcomes with the owners and timelines the worker kept (`SimulationRun.stories`) back in place, where the engine
 * puts them (after `notifications`), so the JSON export reads as the CLI's.
 */
export function withStories(outcomes: readonly Outcome[], stories: readonly (Story | null)[]): Outcome[] {
  return outcomes.map((outcome, i) => {
    const story = stories[i];
    if (!story) return outcome;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(outcome)) {
      out[key] = value;
      if (key === "notifications") Object.assign(out, story);
    }
    return out as unknown as Outcome;
  });
}

/** The CLI's `--out` document: `{ summary, leads, state }`, outcomes without their trace unless asked. */
export function resultsToJson(result: RunResult, options: JsonOptions = {}): ResultsDocument {
  const leads = options.trace
    ? result.outcomes
    : result.outcomes.map((o) => {
        if (o.trace === undefined) return o;
        const { trace: _trace, ...rest } = o;
        return rest;
      });
  const doc: ResultsDocument = { summary: result.summary, leads, state: result.state };
  if (options.importWarnings) doc.importWarnings = [...options.importWarnings];
  return doc;
}

/** The document as text, formatted as the CLI writes it. */
export function resultsToJsonText(result: RunResult, options: JsonOptions = {}): string {
  return `${JSON.stringify(resultsToJson(result, options), null, 2)}\n`;
}
