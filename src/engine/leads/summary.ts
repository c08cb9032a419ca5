// Groups import warnings by code and column, so thousands of alike warnings read as one line in the CLI or UI.
import type { ImportWarning, ImportWarningCode } from "./types";

export interface WarningGroup {
  code: ImportWarningCode;
  column?: string;
  count: number;
  /** The first few rows the warning occurred in, in order. */
  firstRows: number[];
  /** The first offending value, when the warning has one. */
  example?: string;
}

const FIRST_ROWS = 5;

/** Groups in order of first appearance. */
export function summariseWarnings(ws: readonly ImportWarning[]): WarningGroup[] {
  const groups = new Map<string, WarningGroup>();
  for (const w of ws) {
    // "\u0000" cannot occur in a code, so code + column never collide with another pair.
    const id = w.column === undefined ? w.code : `${w.code}\u0000${w.column}`;
    let g = groups.get(id);
    if (!g) {
      g = { code: w.code, count: 0, firstRows: [] };
      if (w.column !== undefined) g.column = w.column;
      groups.set(id, g);
    }
    g.count++;
    if (g.firstRows.length < FIRST_ROWS) g.firstRows.push(w.row);
    if (g.example === undefined && w.value !== undefined) g.example = w.value;
  }
  return [...groups.values()];
}
