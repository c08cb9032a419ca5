// Lead import: CSV or JSON text, or JS objects, to leads typed by the flow's fields, with warnings instead of surprises.
export type {
  ColumnInfo,
  FieldDef,
  FieldType,
  ImportOptions,
  ImportResult,
  ImportWarning,
  ImportWarningCode,
  Lead,
  LeadValue,
} from "./types";
export { importWarningCodes } from "./types";
export { coerceValue, coerceUnknown, compileField, parseNumber, parseBoolean } from "./coerce";
export { guessFieldType } from "./guess";
export { importMessages, formatImportWarning } from "./messages";
export { summariseWarnings, type WarningGroup } from "./summary";
export { leadsForRun, normaliseLeads } from "./normalise";
export { parseLeadsCsv } from "./csv";
export { decodeLeadsBytes, type Decoded } from "./decode";
export { parseLeadsJson } from "./json";
