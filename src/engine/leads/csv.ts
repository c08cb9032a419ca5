// Reads leads from CSV text with papaparse: BOM, any line ending, detected delimiter, ragged rows kept and reported.
import Papa from "papaparse";
import { makeWarning } from "./messages";
import { startImport } from "./normalise";
import type { FieldDef, ImportOptions, ImportResult } from "./types";

/** Pipe is left out on purpose: it separates list items inside cells. */
const DELIMITERS = [",", ";", "\t"];

/**
 * papaparse's guess, made on the first rows with blank lines skipped (counted, they make small files
 * undetectable). A header without any candidate means one column: values holding ";" must not split it.
 */
function detectDelimiter(source: string): string {
  // Skip blank lines only: a leading tab may be the delimiter after an empty first header.
  const header = /^(?:[ \t]*\n)*([^\n]*)/.exec(source)?.[1] ?? "";
  if (!DELIMITERS.some((d) => header.includes(d))) return ",";
  const guess = Papa.parse<string[]>(source, {
    preview: 10,
    newline: "\n",
    skipEmptyLines: "greedy",
    delimitersToGuess: DELIMITERS,
  });
  return guess.meta.delimiter || ",";
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** The 1-based line of the file where the character at `index` sits (papaparse gives the error's offset). */
function lineOfRecord(source: string, index: number): number {
  return countNewlines(source.slice(0, Math.max(0, index))) + 1;
}

function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === "");
}

/**
 * Row n is the n-th record after the header, blank records included, so it matches a spreadsheet's
 * row number minus one. Blank records (no cell with content) are skipped silently.
 */
export function parseLeadsCsv(text: string, fields: readonly FieldDef[], opts: ImportOptions): ImportResult {
  // One line ending for the whole file: papaparse picks a single newline style, and mixed files exist.
  const source = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, "\n");
  const parsed = Papa.parse<string[]>(source, {
    header: false,
    newline: "\n",
    delimiter: detectDelimiter(source),
    skipEmptyLines: false,
    dynamicTyping: false,
  });
  const records = parsed.data;
  const headerIndex = records.findIndex((r) => !isBlankRecord(r));
  const header = headerIndex === -1 ? [] : (records[headerIndex] ?? []);
  const table = startImport(header, fields, opts);
  const delimiter = parsed.meta.delimiter;

  for (const e of parsed.errors) {
    const row = e.row === undefined ? 0 : Math.max(0, e.row - headerIndex);
    if (e.code === "MissingQuotes" && e.row !== undefined) {
      // The open quote runs to the end of the file: say how many lines it swallowed, not just that this row is odd.
      const lines = (records[e.row] ?? []).reduce((n, cell) => n + countNewlines(cell.replace(/\n+$/, "")), 0);
      if (lines > 0) {
        table.warn(makeWarning(row, "import.unclosed_quote", { lines, lastLine: lineOfRecord(source, e.index ?? 0) + lines }));
        continue;
      }
    }
    table.warn(makeWarning(row, "import.csv_error", { detail: e.message, type: e.code }));
  }

  table.settleDateOrders(function* (column) {
    for (let r = headerIndex + 1; headerIndex !== -1 && r < records.length; r++) yield records[r]?.[column];
  });

  let rowCount = 0;
  for (let r = headerIndex + 1; headerIndex !== -1 && r < records.length; r++) {
    const cells = records[r] ?? [];
    if (isBlankRecord(cells)) continue;
    const row = r - headerIndex;
    rowCount++;
    if (cells.length !== header.length) {
      const extra = cells.slice(header.length);
      // A trailing delimiter adds empty cells only: nothing is lost, so nothing to report.
      if (cells.length < header.length || !isBlankRecord(extra)) {
        table.warn(
          makeWarning(
            row,
            "import.ragged_row",
            { expected: header.length, actual: cells.length },
            undefined,
            extra.length > 0 ? extra.join(delimiter) : undefined,
          ),
        );
      }
    }
    table.addRow(row, cells);
  }
  return table.finish(rowCount);
}
