// Why a pattern for the `matches` operator was refused, in English and Simplified Chinese.
import { fillWith } from "../i18n/table";
import type { RegexReason } from "./parse";

export type RegexLang = "en" | "zh-CN";

const en: Record<RegexReason, string> = {
  too_long: "The pattern is too long ({length} characters; at most {max} are allowed)",
  unclosed_group: "Character {at}: this '(' has no matching ')'",
  unmatched_paren: "Character {at}: this ')' has no matching '('",
  unclosed_class: "Character {at}: this '[' has no matching ']'",
  nothing_to_repeat: "Character {at}: a repeat (*, +, ?, {2,5}) must follow a character or a group",
  escape_brace: "Character {at}: write \\{, \\} or \\] to match the character itself",
  unknown_escape:
    "Character {at}: this backslash sequence is not supported; use \\d, \\w, \\s, \\b, \\n, \\t, \\x41, \\u0041 or a backslash before a symbol",
  bad_range: "Character {at}: the range is reversed; write the smaller value first, as in [a-z] or {2,5}",
  unsupported_group: "Character {at}: only plain groups (...) and (?:...) are supported",
  engine: "The pattern is not a valid regular expression",
  backreference: "Character {at}: references to earlier groups (\\1, \\k<name>) are not allowed",
  lookaround: "Character {at}: look-ahead and look-behind ((?=, (?!, (?<=, (?<!) are not allowed",
  nested_quantifier: "Character {at}: a repeat around something that repeats, like (a+)+ or (\\w+\\s?)*, can take forever on some texts",
  ambiguous_alternation:
    "Character {at}: these alternatives can match the same text, like (a|ab)*; with repeats this can take forever on some texts",
  overlapping_quantifiers:
    "Character {at}: several repeats here can match the same characters, which can take very long on long texts (for example .*foo.*: a pattern already matches anywhere in the text, so a leading or trailing .* is not needed)",
  big_count: "Character {at}: repeat counts above {max} are not allowed",
};

const zhCN: Record<RegexReason, string> = {
  too_long: "模式太长（{length} 个字符；最多 {max} 个）",
  unclosed_group: "第 {at} 个字符：这个“(”没有对应的“)”",
  unmatched_paren: "第 {at} 个字符：这个“)”没有对应的“(”",
  unclosed_class: "第 {at} 个字符：这个“[”没有对应的“]”",
  nothing_to_repeat: "第 {at} 个字符：重复符号（*、+、?、{2,5}）必须跟在字符或分组之后",
  escape_brace: "第 {at} 个字符：要匹配该字符本身，请写 \\{、\\} 或 \\]",
  unknown_escape: "第 {at} 个字符：不支持这个反斜杠写法；可用 \\d、\\w、\\s、\\b、\\n、\\t、\\x41、\\u0041 或在符号前加反斜杠",
  bad_range: "第 {at} 个字符：范围写反了；请把较小的值写在前面，例如 [a-z] 或 {2,5}",
  unsupported_group: "第 {at} 个字符：只支持普通分组 (...) 和 (?:...)",
  engine: "这不是一个有效的正则表达式",
  backreference: "第 {at} 个字符：不允许引用前面的分组（\\1、\\k<name>）",
  lookaround: "第 {at} 个字符：不允许使用前瞻或后顾（(?=、(?!、(?<=、(?<!）",
  nested_quantifier: "第 {at} 个字符：在会重复的内容外再加重复，例如 (a+)+ 或 (\\w+\\s?)*，遇到某些文本时可能永远算不完",
  ambiguous_alternation: "第 {at} 个字符：这些可选项能匹配相同的文本，例如 (a|ab)*；与重复一起使用时遇到某些文本可能永远算不完",
  overlapping_quantifiers:
    "第 {at} 个字符：这里的几个重复能匹配相同的字符，遇到长文本时可能非常慢（例如 .*foo.*：模式本来就会在文本任意位置查找，开头或结尾的 .* 不需要写）",
  big_count: "第 {at} 个字符：重复次数不能超过 {max}",
};

export const regexMessages: { en: Record<RegexReason, string>; "zh-CN": Record<RegexReason, string> } = { en, "zh-CN": zhCN };

export function formatRegexReason(reason: RegexReason, params: Record<string, string | number>, lang: RegexLang): string {
  const template = (regexMessages[lang] ?? en)[reason];
  return fillWith(template, (key) => (Object.prototype.hasOwnProperty.call(params, key) ? params[key] : undefined));
}
