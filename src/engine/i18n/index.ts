// Message tables and formatting shared by the engine: every text a user sees comes from here, in both languages.
export const LANGS = ["en", "zh-CN"] as const;
export type Lang = (typeof LANGS)[number];

/** A text the engine precomputes in both languages (e.g. a rule described in words). */
export type LocalText = { readonly en: string; readonly "zh-CN": string };
export type MessageParam = string | number | LocalText;
export type MessageParams = Readonly<Record<string, MessageParam | undefined>>;
export type MessageTable = { readonly en: Readonly<Record<string, string>>; readonly "zh-CN": Readonly<Record<string, string>> };

const tables: MessageTable[] = [];

/** Adds a table of messages; later tables never override earlier codes silently (a duplicate code is a bug). */
export function registerMessages(table: MessageTable): void {
  tables.push(table);
  templates.en.clear();
  templates["zh-CN"].clear();
}

function lookup(lang: Lang, code: string): string | undefined {
  for (const table of tables) {
    const hit = Object.prototype.hasOwnProperty.call(table[lang], code) ? table[lang][code] : undefined;
    if (hit !== undefined) return hit;
  }
  return undefined;
}

export function paramText(value: MessageParam, lang: Lang): string {
  if (typeof value === "object") return value[lang];
  return String(value);
}

/** A template split once into text and placeholder names (even indices text, odd indices names): traces fill thousands. */
const parsedTemplates = new Map<string, string[]>();

function parseTemplate(template: string): string[] {
  let parts = parsedTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (parsedTemplates.size > 5_000) parsedTemplates.clear();
    parsedTemplates.set(template, parts);
  }
  return parts;
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a missing param is noticed, never hidden. */
export function fill(template: string, params: MessageParams, lang: Lang): string {
  const parts = parseTemplate(template);
  let out = parts[0] ?? "";
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const value = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    out += (value === undefined ? `{${name}}` : paramText(value, lang)) + (parts[i + 1] ?? "");
  }
  return out;
}

/** Template of a code in a language (falling back to English, then the code itself), looked up once. */
const templates = { en: new Map<string, string>(), "zh-CN": new Map<string, string>() };

export function translate(code: string, params: MessageParams = {}, lang: Lang = "en"): string {
  let template = templates[lang].get(code);
  if (template === undefined) {
    template = lookup(lang, code) ?? lookup("en", code) ?? code;
    templates[lang].set(code, template);
  }
  return fill(template, params, lang);
}

/** Builds a LocalText from one code, for texts precomputed at compile time. */
export function localText(code: string, params: MessageParams = {}): LocalText {
  return { en: translate(code, params, "en"), "zh-CN": translate(code, params, "zh-CN") };
}

export function isLang(value: unknown): value is Lang {
  return value === "en" || value === "zh-CN";
}

/** Every code known in English, for the test that each has a Chinese text too. */
export function allMessageCodes(): { lang: Lang; missing: string[] }[] {
  const en = new Set<string>();
  const zh = new Set<string>();
  for (const t of tables) {
    Object.keys(t.en).forEach((k) => en.add(k));
    Object.keys(t["zh-CN"]).forEach((k) => zh.add(k));
  }
  return [
    { lang: "zh-CN", missing: [...en].filter((k) => !zh.has(k)) },
    { lang: "en", missing: [...zh].filter((k) => !en.has(k)) },
  ];
}

/** Every registered text of one language, e.g. to load into i18next (whose interpolation the designer sets to `{name}`). */
export function messagesFor(lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const table of [...tables].reverse()) Object.assign(out, table[lang]);
  return out;
}
