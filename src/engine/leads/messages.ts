// The texts of import warnings in English and 简体中文, and the one place that turns a warning into a sentence.
import { fillWith } from "../i18n/table";
import type { ImportWarning, ImportWarningCode } from "./types";

type Templates = Record<ImportWarningCode, string>;

const en: Templates = {
  "import.not_a_number": 'Row {row}, column "{column}": "{value}" is not a number; the cell was left empty.',
  "import.not_a_boolean":
    'Row {row}, column "{column}": "{value}" is not a yes/no value (true/false, yes/no, y/n, 1/0, 是/否); the cell was left empty.',
  "import.not_a_date":
    'Row {row}, column "{column}": "{value}" is not a date (use YYYY-MM-DD, YYYY-MM-DD HH:mm, 02/03/2026 or ISO 8601); the cell was left empty.',
  "import.ambiguous_created_at":
    'Row {row}: the created time "{value}" could be day/month or month/day and no value in column "{column}" settles it; choose the order for this column (the reference time {referenceTime} was used).',
  "import.ambiguous_date":
    'Row {row}, column "{column}": "{value}" could be day/month or month/day and no value in the column settles it; choose the order for this column (the cell was left empty).',
  "import.not_an_option": 'Row {row}, column "{column}": "{value}" is not one of the options ({options}); the cell was left empty.',
  "import.not_a_list": 'Row {row}, column "{column}": "{value}" is not a list of texts; the cell was left empty.',
  "import.not_a_string": 'Row {row}, column "{column}": "{value}" is not text; the cell was left empty.',
  "import.not_flat": 'Row {row}, column "{column}": "{value}" is a nested value, but leads are flat; the cell was left empty.',
  "import.missing_id": 'Row {row} has no id; it was given the id "{id}".',
  "import.invalid_id": 'Row {row}: the id "{value}" is not text or a number; it was given the id "{id}".',
  "import.missing_created_at": "Row {row} has no created time; the reference time {referenceTime} was used.",
  "import.invalid_created_at": 'Row {row}: the created time "{value}" is not a date; the reference time {referenceTime} was used.',
  "import.duplicate_id": 'Row {row} has the id "{value}", already used by row {firstRow}; both rows were kept.',
  "import.ragged_row":
    "Row {row} has {actual} cells but the header has {expected}: missing cells were left empty, extra cells were dropped.",
  "import.csv_error": "Row {row}: the CSV could not be read cleanly ({detail}); the row was kept as read.",
  "import.empty_file": "The file contains no leads.",
  "import.not_json": "The file is not valid JSON: {detail}",
  "import.not_a_lead_list": 'A JSON file of leads must be an array of objects, or an object with a "leads" array.',
  "import.not_a_lead": "Item {row} is not a lead (an object).",
  "import.duplicate_column": 'The header "{original}" appears more than once; this column was named "{column}".',
  "import.column_conflict": 'Column "{column}" maps to "{fieldKey}", which column "{winner}" already fills; it was ignored.',
  "import.reserved_column": 'Column "{column}" would be stored as "{fieldKey}", a name JavaScript reserves; it was ignored.',
  "import.unclosed_quote":
    "Row {row}: a quote opened here is never closed, so the {lines} line(s) after it (up to line {lastLine} of the file) were read into one cell of this row. Close the quote, then import again.",
  "import.invalid_utf8":
    "The file is not valid UTF-8: {count} unreadable byte sequence(s), the first on line {line} (byte {byte}); they were read as �. Save the file as UTF-8, then import again.",
};

const zhCN: Templates = {
  "import.not_a_number": "第 {row} 行，列“{column}”：“{value}”不是数字，该单元格已置空。",
  "import.not_a_boolean": "第 {row} 行，列“{column}”：“{value}”不是是/否值（可用 true/false、yes/no、y/n、1/0、是/否），该单元格已置空。",
  "import.not_a_date":
    "第 {row} 行，列“{column}”：“{value}”不是日期（请用 YYYY-MM-DD、YYYY-MM-DD HH:mm、02/03/2026 或 ISO 8601），该单元格已置空。",
  "import.ambiguous_created_at":
    "第 {row} 行：创建时间“{value}”可能是日/月也可能是月/日，且列“{column}”中没有能判断顺序的值；请为此列选择日期顺序（已使用参考时间 {referenceTime}）。",
  "import.ambiguous_date":
    "第 {row} 行，列“{column}”：“{value}”可能是日/月也可能是月/日，且该列没有能判断顺序的值；请为此列选择日期顺序（该单元格已置空）。",
  "import.not_an_option": "第 {row} 行，列“{column}”：“{value}”不在选项（{options}）之中，该单元格已置空。",
  "import.not_a_list": "第 {row} 行，列“{column}”：“{value}”不是文本列表，该单元格已置空。",
  "import.not_a_string": "第 {row} 行，列“{column}”：“{value}”不是文本，该单元格已置空。",
  "import.not_flat": "第 {row} 行，列“{column}”：“{value}”是嵌套的值，而线索必须是扁平的，该单元格已置空。",
  "import.missing_id": "第 {row} 行没有 id，已指定为“{id}”。",
  "import.invalid_id": "第 {row} 行：id“{value}”不是文本或数字，已指定为“{id}”。",
  "import.missing_created_at": "第 {row} 行没有创建时间，已使用参考时间 {referenceTime}。",
  "import.invalid_created_at": "第 {row} 行：创建时间“{value}”不是日期，已使用参考时间 {referenceTime}。",
  "import.duplicate_id": "第 {row} 行的 id“{value}”与第 {firstRow} 行重复，两行都已保留。",
  "import.ragged_row": "第 {row} 行有 {actual} 个单元格，但表头有 {expected} 列：缺少的单元格已置空，多出的单元格已丢弃。",
  "import.csv_error": "第 {row} 行：CSV 未能完整读取（{detail}），该行按读到的内容保留。",
  "import.empty_file": "文件中没有线索。",
  "import.not_json": "文件不是有效的 JSON：{detail}",
  "import.not_a_lead_list": "线索 JSON 文件必须是对象数组，或是带有 “leads” 数组的对象。",
  "import.not_a_lead": "第 {row} 项不是线索（对象）。",
  "import.duplicate_column": "表头“{original}”出现了不止一次，此列已命名为“{column}”。",
  "import.column_conflict": "列“{column}”对应字段“{fieldKey}”，但该字段已由列“{winner}”填充，此列已忽略。",
  "import.reserved_column": "列“{column}”将存为“{fieldKey}”，这是 JavaScript 保留的名称，此列已忽略。",
  "import.unclosed_quote":
    "第 {row} 行：此处开始的引号没有闭合，其后的 {lines} 行（直到文件第 {lastLine} 行）都被读入此行的一个单元格。请闭合引号后重新导入。",
  "import.invalid_utf8":
    "文件不是有效的 UTF-8：有 {count} 处无法读取的字节序列，第一处在第 {line} 行（第 {byte} 字节）；已读作 �。请将文件另存为 UTF-8 后重新导入。",
};

export const importMessages: { en: Record<ImportWarningCode, string>; "zh-CN": Record<ImportWarningCode, string> } = {
  en,
  "zh-CN": zhCN,
};

const MAX_VALUE_LENGTH = 120;

/** Shortens a cell for display so one huge cell cannot flood the warnings list. */
export function previewValue(raw: unknown): string {
  let text: string;
  if (typeof raw === "string") text = raw;
  else if (raw === undefined) text = "";
  else {
    try {
      text = JSON.stringify(raw) ?? String(raw);
    } catch {
      text = Object.prototype.toString.call(raw);
    }
  }
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

function lookup(w: ImportWarning, name: string): string | number | undefined {
  if (name === "row") return w.row;
  if (name === "column") return w.column;
  if (name === "value") return w.value;
  return Object.hasOwn(w.params, name) ? w.params[name] : undefined;
}

// Called for every warning of a 100k-row import, so no object spread per call (the template is parsed once).
export function formatImportWarning(w: ImportWarning, lang: "en" | "zh-CN"): string {
  return fillWith(importMessages[lang][w.code], (name) => lookup(w, name));
}

/** Builds a warning with its English message; `column` and `value` are left out when not given. */
export function makeWarning(
  row: number,
  code: ImportWarningCode,
  params: Record<string, string | number> = {},
  column?: string,
  value?: unknown,
): ImportWarning {
  const w: ImportWarning = { row, code, params, message: "" };
  if (column !== undefined) w.column = column;
  if (value !== undefined) w.value = previewValue(value);
  w.message = formatImportWarning(w, "en");
  return w;
}
