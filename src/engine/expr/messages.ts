// The texts of expression errors in English and Simplified Chinese, and the function that fills them in.
import { fillWith } from "../i18n/table";
import { locate, type ExprError, type ExprErrorCode, type ExprErrorParams } from "./errors";

export type ExprLang = "en" | "zh-CN";

const en: Record<ExprErrorCode, string> = {
  "expr.empty": 'Line {line}, column {column}: the expression is empty; write a condition such as country == "US"',
  "expr.too_long": "Line {line}, column {column}: the expression is too long ({length} characters; at most {max} are allowed)",
  "expr.too_deep": "Line {line}, column {column}: too many levels of brackets, lists, functions or 'not' inside each other (at most {max})",
  "expr.list_too_long": "Line {line}, column {column}: the list has too many items (at most {max})",
  "expr.bad_char": "Line {line}, column {column}: the character '{char}' cannot be used here",
  "expr.bad_name_char":
    "Line {line}, column {column}: '{char}' cannot be part of a plain field name; write lead[\"...\"] for fields with spaces or non-English letters",
  "expr.use_instead": "Line {line}, column {column}: '{found}' is not part of the language; use '{suggestion}' instead",
  "expr.bad_string": "Line {line}, column {column}: this text has no closing {quote} on the same line",
  "expr.bad_escape":
    "Line {line}, column {column}: '{escape}' is not allowed in text; use \\n, \\t, \\\\, \\', \\\" or \\u followed by 4 hex digits",
  "expr.bad_number": "Line {line}, column {column}: '{text}' is not a valid number (write numbers like 42 or 3.5)",
  "expr.syntax":
    "Line {line}, column {column}: unexpected '{found}'; expected an operator such as 'and', '==' or '+', or the end of the expression",
  "expr.bad_start": "Line {line}, column {column}: an expression cannot start with '{found}'",
  "expr.expected_value": "Line {line}, column {column}: expected a value after '{after}' but found '{found}'",
  "expr.unexpected_end": "Line {line}, column {column}: expected a value after '{after}'",
  "expr.unclosed": "Line {line}, column {column}: missing '{close}' to match the '{open}' at line {openLine}, column {openColumn}",
  "expr.chained_comparison": "Line {line}, column {column}: comparisons cannot be chained; write a < b and b < c instead of a < b < c",
  "expr.in_needs_list":
    'Line {line}, column {column}: \'{op}\' needs a list on its right, like x in ["a", "b"]; to look for text inside text use contains(text, part)',
  "expr.unknown_function": "Line {line}, column {column}: unknown function {name}; the functions are {known}",
  "expr.arity": "Line {line}, column {column}: {name} got {count} value(s); write it as {signature}",
  "expr.forbidden_name": "Line {line}, column {column}: the name '{name}' is not allowed",
  "expr.unknown_field": "Line {line}, column {column}: unknown field '{name}'",
  "expr.member_access": "Line {line}, column {column}: only lead can be followed by '.' or '[...]'; '{name}' cannot",
  "expr.bracket_literal": 'Line {line}, column {column}: lead[...] needs one quoted field name, like lead["Company Size"]',
  "expr.field_name_expected": "Line {line}, column {column}: expected a field name after 'lead.' but found '{found}'",
  "expr.bare_lead": "Line {line}, column {column}: 'lead' alone is not a value; write lead.field or lead[\"Field Name\"]",
};

const zhCN: Record<ExprErrorCode, string> = {
  "expr.empty": '第 {line} 行第 {column} 列：表达式为空；请写一个条件，例如 country == "US"',
  "expr.too_long": "第 {line} 行第 {column} 列：表达式太长（{length} 个字符；最多 {max} 个）",
  "expr.too_deep": "第 {line} 行第 {column} 列：括号、列表、函数或 not 嵌套层数过多（最多 {max} 层）",
  "expr.list_too_long": "第 {line} 行第 {column} 列：列表项过多（最多 {max} 项）",
  "expr.bad_char": "第 {line} 行第 {column} 列：此处不能使用字符“{char}”",
  "expr.bad_name_char": '第 {line} 行第 {column} 列：“{char}”不能用在普通字段名中；含空格或非英文字母的字段请写成 lead["..."]',
  "expr.use_instead": "第 {line} 行第 {column} 列：“{found}”不是表达式语言的一部分；请改用“{suggestion}”",
  "expr.bad_string": "第 {line} 行第 {column} 列：这段文本在同一行内缺少结尾的 {quote}",
  "expr.bad_escape": "第 {line} 行第 {column} 列：文本中不能使用“{escape}”；可用 \\n、\\t、\\\\、\\'、\\\" 或 \\u 加 4 位十六进制数",
  "expr.bad_number": "第 {line} 行第 {column} 列：“{text}”不是有效的数字（请写成 42 或 3.5 这样的形式）",
  "expr.syntax": "第 {line} 行第 {column} 列：意外的“{found}”；此处应为 and、==、+ 等运算符，或表达式结束",
  "expr.bad_start": "第 {line} 行第 {column} 列：表达式不能以“{found}”开头",
  "expr.expected_value": "第 {line} 行第 {column} 列：“{after}”之后应为一个值，但遇到了“{found}”",
  "expr.unexpected_end": "第 {line} 行第 {column} 列：“{after}”之后应为一个值",
  "expr.unclosed": "第 {line} 行第 {column} 列：缺少“{close}”，与第 {openLine} 行第 {openColumn} 列的“{open}”配对",
  "expr.chained_comparison": "第 {line} 行第 {column} 列：比较不能连写；请把 a < b < c 写成 a < b and b < c",
  "expr.in_needs_list":
    '第 {line} 行第 {column} 列：“{op}”右边需要一个列表，例如 x in ["a", "b"]；要在文本中查找文本，请用 contains(文本, 片段)',
  "expr.unknown_function": "第 {line} 行第 {column} 列：未知函数 {name}；可用的函数有 {known}",
  "expr.arity": "第 {line} 行第 {column} 列：{name} 收到了 {count} 个值；正确写法是 {signature}",
  "expr.forbidden_name": "第 {line} 行第 {column} 列：不允许使用名称“{name}”",
  "expr.unknown_field": "第 {line} 行第 {column} 列：未知字段“{name}”",
  "expr.member_access": "第 {line} 行第 {column} 列：只有 lead 后面可以接“.”或“[...]”；“{name}”不可以",
  "expr.bracket_literal": '第 {line} 行第 {column} 列：lead[...] 中只能写一个带引号的字段名，例如 lead["Company Size"]',
  "expr.field_name_expected": "第 {line} 行第 {column} 列：“lead.”之后应为字段名，但遇到了“{found}”",
  "expr.bare_lead": '第 {line} 行第 {column} 列：单独的 lead 不是一个值；请写 lead.字段 或 lead["字段名"]',
};

export const exprMessages: { en: Record<ExprErrorCode, string>; "zh-CN": Record<ExprErrorCode, string> } = { en, "zh-CN": zhCN };

const hasOwn = Object.prototype.hasOwnProperty;

function fill(template: string, values: ExprErrorParams): string {
  return fillWith(template, (key) => (hasOwn.call(values, key) ? String(values[key]) : undefined));
}

export function formatExprError(e: Pick<ExprError, "code" | "params" | "line" | "column" | "offset">, lang: ExprLang): string {
  const table = exprMessages[lang] ?? en;
  return fill(table[e.code] ?? e.code, { ...e.params, line: e.line, column: e.column, offset: e.offset });
}

export function makeExprError(source: string, code: ExprErrorCode, offset: number, params: ExprErrorParams = {}): ExprError {
  const { line, column } = locate(source, offset);
  const error: ExprError = { code, params, offset, line, column, message: "" };
  error.message = formatExprError(error, "en");
  return error;
}
