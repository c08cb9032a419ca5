// Descriptions of the expression functions in English and Simplified Chinese, for the designer's autocomplete.
import { FUNCTION_SPECS, type FunctionName } from "./functions";

type Doc = { en: string; "zh-CN": string };

const DOCS: Record<FunctionName, Doc> = {
  lower: {
    en: 'The text in lower case. lower("ACME") is "acme".',
    "zh-CN": '把文本转为小写。lower("ACME") 得到 "acme"。',
  },
  upper: {
    en: 'The text in upper case. upper("de") is "DE".',
    "zh-CN": '把文本转为大写。upper("de") 得到 "DE"。',
  },
  trim: {
    en: "The text without spaces at the start and end.",
    "zh-CN": "去掉文本开头和结尾的空白。",
  },
  len: {
    en: "Number of characters in a text, or of items in a list. len(tags) > 2",
    "zh-CN": "文本的字符数，或列表的项数。len(tags) > 2",
  },
  contains: {
    en: 'True if the text contains the part (ignoring case), or the list contains the value. contains(email, "@acme.com")',
    "zh-CN": '文本包含该片段（不区分大小写），或列表包含该值时为真。contains(email, "@acme.com")',
  },
  startsWith: {
    en: 'True if the text starts with the prefix, ignoring case. startsWith(phone, "+49")',
    "zh-CN": '文本以该前缀开头时为真（不区分大小写）。startsWith(phone, "+49")',
  },
  endsWith: {
    en: 'True if the text ends with the suffix, ignoring case. endsWith(email, ".de")',
    "zh-CN": '文本以该后缀结尾时为真（不区分大小写）。endsWith(email, ".de")',
  },
  min: {
    en: "The smallest of the numbers (lists of numbers count item by item). min(employees, 500)",
    "zh-CN": "这些数字中最小的一个（数字列表逐项计入）。min(employees, 500)",
  },
  max: {
    en: "The largest of the numbers (lists of numbers count item by item). max(score, 0)",
    "zh-CN": "这些数字中最大的一个（数字列表逐项计入）。max(score, 0)",
  },
  abs: {
    en: "The number without its sign. abs(-3) is 3.",
    "zh-CN": "数字的绝对值。abs(-3) 得到 3。",
  },
  round: {
    en: "The number rounded half away from zero, to the given number of decimals (default 0). round(2.345, 2) is 2.35.",
    "zh-CN": "四舍五入到指定的小数位数（默认 0 位）。round(2.345, 2) 得到 2.35。",
  },
  daysSince: {
    en: "Whole days from the date to the time the lead was created (negative if the date is later). daysSince(lastContact) > 30",
    "zh-CN": "从该日期到线索创建时间经过的整天数（日期在其后则为负数）。daysSince(lastContact) > 30",
  },
};

export const EXPR_FUNCTIONS: ReadonlyArray<{ name: string; signature: string; doc: { en: string; "zh-CN": string } }> = FUNCTION_SPECS.map(
  (f) => ({ name: f.name, signature: f.signature, doc: DOCS[f.name] }),
);
