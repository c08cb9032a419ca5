// Types of lead import: field definitions (structural, compatible with the engine's zod types), leads, warnings, results.

export type FieldType = "string" | "number" | "boolean" | "date" | "enum" | "list";

export interface FieldDef {
  key: string;
  label?: string;
  type: FieldType;
  options?: string[];
  /** Cell values meaning "nothing chosen" (e.g. `["Select"]`), read as null. */
  placeholders?: string[];
}

export type LeadValue = string | number | boolean | null | string[];
export type Lead = Record<string, LeadValue>;

export const importWarningCodes = [
  "import.not_a_number",
  "import.not_a_boolean",
  "import.not_a_date",
  "import.ambiguous_date",
  "import.not_an_option",
  "import.not_a_list",
  "import.not_a_string",
  "import.not_flat",
  "import.missing_id",
  "import.invalid_id",
  "import.missing_created_at",
  "import.invalid_created_at",
  "import.ambiguous_created_at",
  "import.duplicate_id",
  "import.ragged_row",
  "import.csv_error",
  "import.empty_file",
  "import.not_json",
  "import.not_a_lead_list",
  "import.not_a_lead",
  "import.duplicate_column",
  "import.column_conflict",
  "import.reserved_column",
  "import.unclosed_quote",
  "import.invalid_utf8",
] as const;

export type ImportWarningCode = (typeof importWarningCodes)[number];

export interface ImportWarning {
  /** 1-based data row (header excluded); 0 for a warning about the whole file or a column. */
  row: number;
  column?: string;
  value?: string;
  code: ImportWarningCode;
  params: Record<string, string | number>;
  /** English text; other languages via `formatImportWarning`. */
  message: string;
}

export interface ImportOptions {
  /** ISO 8601; filled into a missing or invalid createdAt. */
  referenceTime: string;
  /** Applied to every column, in addition to each field's own placeholders. */
  placeholders?: string[];
  /** Source column (as in `ColumnInfo.column`) → field key; overrides auto mapping; "" drops the column. */
  columnMap?: Record<string, string>;
  /** How dates like 02/03/2026 are read in every date column (CLI `--date-order`)… */
  dateOrder?: "dmy" | "mdy";
  /** …or per source column (wins). A column nobody chose reads them only when one of its values settles the order. */
  dateOrders?: Record<string, "dmy" | "mdy">;
}

export interface ColumnInfo {
  /** Source column name: header text trimmed (empty → `column_<n>`, repeats → `<name>_2`). */
  column: string;
  /** Key the column's values are stored under; "" when the column was dropped. */
  fieldKey: string;
  /** True when the column feeds a flow field (or the built-in `id` / `createdAt`). */
  known: boolean;
  guessedType: FieldType;
  /** Up to 5 distinct non-empty values, as found in the source. */
  sample: string[];
  /**
   * A date column with values like 02/03/2026: the day/month order used ("dmy" / "mdy": chosen, or settled by a value
   * such as 13/03/2026), or "ask" when no value settles it and nobody chose (those cells were left empty, with a warning).
   */
  dateOrder?: "dmy" | "mdy" | "ask";
}

export interface ImportResult {
  leads: Lead[];
  warnings: ImportWarning[];
  columns: ColumnInfo[];
  /** Data rows read: non-blank CSV records, or JSON array items (leads or not). */
  rowCount: number;
  /** JSON items that are not objects, with their position in the list: a run gives each an `error` outcome (see leadsForRun). */
  notLeads?: { index: number; value: unknown }[];
}

export type CoerceResult = { ok: true; value: LeadValue } | { ok: false; code: ImportWarningCode };
