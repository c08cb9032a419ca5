// Message tables (one typed Record per language and module) and the one way their `{name}` placeholders are filled.
export const LANGS = ["en", "zh-CN"] as const;
export type Lang = (typeof LANGS)[number];

/** A text the engine precomputes in both languages (e.g. a rule described in words). */
export type LocalText = { readonly en: string; readonly "zh-CN": string };
export type MessageParam = string | number | LocalText;
export type MessageParams = Readonly<Record<string, MessageParam | undefined>>;

/** One module's texts: the same codes in every language (the type makes a missing Chinese text a compile error). */
export type MessageTable<C extends string = string> = {
  readonly en: Readonly<Record<C, string>>;
  readonly "zh-CN": Readonly<Record<C, string>>;
};

/** Declares a module's table: the Chinese table must have exactly the English codes. */
export function defineMessages<const E extends Readonly<Record<string, string>>>(
  en: E,
  zhCN: { readonly [K in keyof E]: string },
): MessageTable<Extract<keyof E, string>> {
  return { en, "zh-CN": zhCN } as MessageTable<Extract<keyof E, string>>;
}

/** The codes of a table. */
export type CodeOf<T> = T extends MessageTable<infer C> ? C : never;

export function isLang(value: unknown): value is Lang {
  return value === "en" || value === "zh-CN";
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

/** Fills `{name}` placeholders from a lookup; an unknown placeholder stays visible so a missing param is noticed, never hidden. */
export function fillWith(template: string, get: (name: string) => string | number | undefined): string {
  const parts = parseTemplate(template);
  let out = parts[0] ?? "";
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const value = get(name);
    out += (value === undefined ? `{${name}}` : String(value)) + (parts[i + 1] ?? "");
  }
  return out;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Fills `{name}` placeholders from params (texts in both languages give the one of `lang`). */
export function fill(template: string, params: MessageParams, lang: Lang): string {
  return fillWith(template, (name) => {
    const value = hasOwn.call(params, name) ? params[name] : undefined;
    return value === undefined ? undefined : paramText(value, lang);
  });
}

export type Translate<C extends string = string> = (code: C, params?: MessageParams, lang?: Lang) => string;

/**
 * A translator over an explicit list of tables (no registry, no import order): the template of a code in a language,
 * falling back to English, then to the code itself, looked up once and cached.
 */
export function makeTranslator(tables: readonly MessageTable[]): Translate {
  const templates = { en: new Map<string, string>(), "zh-CN": new Map<string, string>() };
  const lookup = (lang: Lang, code: string): string | undefined => {
    for (const table of tables) if (hasOwn.call(table[lang], code)) return (table[lang] as Record<string, string>)[code];
    return undefined;
  };
  return (code, params = {}, lang = "en") => {
    let template = templates[lang].get(code);
    if (template === undefined) {
      template = lookup(lang, code) ?? lookup("en", code) ?? code;
      templates[lang].set(code, template);
    }
    return fill(template, params, lang);
  };
}

/** Every text of the tables in one language, one flat record (e.g. for i18next, whose interpolation is set to `{name}`). */
export function flatten(tables: readonly MessageTable[], lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const table of tables) Object.assign(out, table[lang]);
  return out;
}
