// Value makers for generated leads: a field's key, label and type pick a realistic distribution (country, size, title …).
import type { FieldDef, LeadValue } from "../engine";
import { Random } from "./random";
import {
  CITIES,
  COMPANY_PARTS,
  COUNTRIES,
  FIRST_NAMES,
  GENERIC_TAGS,
  INDUSTRIES,
  JOB_TITLES,
  LANGUAGES,
  LAST_NAMES,
  PRODUCTS,
  REGIONS,
  SENIORITIES,
  SOURCES,
  US_STATES,
} from "./vocabulary";

/** The person and company behind one lead, drawn once so its name, email and company agree. */
export interface LeadContext {
  readonly createdAt: number;
  readonly first: string;
  readonly last: string;
  readonly company: string;
  readonly domain: string;
}

/** What the flow itself says about a field: values its conditions name, and owner ids/emails for `lead_owner` routes. */
export interface FieldHints {
  readonly mentioned: readonly (string | number)[];
  readonly owners: readonly string[];
}

export type ValueMaker = (lead: LeadContext) => LeadValue;

type Kind =
  | "country"
  | "region"
  | "state"
  | "city"
  | "source"
  | "title"
  | "seniority"
  | "industry"
  | "email"
  | "website"
  | "company"
  | "firstName"
  | "lastName"
  | "fullName"
  | "phone"
  | "product"
  | "language"
  | "generic";
type NumberKind = "ratio" | "employees" | "revenue" | "views" | "duration" | "score" | "age" | "generic";

const DAY_MS = 86_400_000;

/** `pageViews` / "Page views" → "page views", so key and label are matched the same way. */
function words(field: FieldDef): string {
  const split = (s: string) =>
    s
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      .replace(/[_\-.]+/g, " ")
      .toLowerCase();
  return ` ${split(field.key)} ${split(field.label ?? "")} `;
}

const STRING_KINDS: readonly (readonly [Kind, RegExp])[] = [
  ["email", /e ?mail/],
  ["website", /website|domain|\burl\b|homepage/],
  ["country", /country|nation/],
  ["region", /region|territor|\bgeo\b/],
  ["state", /\bstate\b|province/],
  ["city", /\bcity\b|\btown\b/],
  ["source", /source|channel|origin|utm|campaign|medium/],
  ["seniority", /seniority|\blevel\b/],
  ["title", /title|\bjob\b|\brole\b|position|occupation/],
  ["industry", /industry|sector|vertical/],
  ["company", /company|account|organi[sz]ation|employer|business|\bfirm\b/],
  ["firstName", /first ?name|given name/],
  ["lastName", /last ?name|surname|family name/],
  ["fullName", /\bname\b|contact/],
  ["phone", /phone|mobile|\btel\b/],
  ["product", /product|interest|\bplan\b|skill|solution/],
  ["language", /language|locale|\blang\b/],
];

const NUMBER_KINDS: readonly (readonly [NumberKind, RegExp])[] = [
  ["ratio", /\bper\b|\brate\b|ratio|percent|probability/],
  ["employees", /employee|headcount|company size|staff|team size|\bsize\b/],
  ["revenue", /revenue|\barr\b|budget|\bdeal\b|amount|\bvalue\b|income|spend/],
  ["views", /view|visit|click|opens|download|session|\bpages\b|count/],
  ["duration", /\btime\b|second|duration|minute/],
  ["score", /score|rating/],
  ["age", /\bage\b/],
];

function kindOf<K extends string>(text: string, table: readonly (readonly [K, RegExp])[], fallback: K): K {
  for (const [kind, pattern] of table) if (pattern.test(text)) return kind;
  return fallback;
}

function ascii(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "")
    .toLowerCase();
}

const asciiCache = new Map<string, string>();
function asciiOf(text: string): string {
  let a = asciiCache.get(text);
  if (a === undefined) asciiCache.set(text, (a = ascii(text)));
  return a;
}

/** Draws the person and company of one lead from its own stream. */
export function makeLeadContext(rng: Random, createdAt: number): LeadContext {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const head = rng.pick(COMPANY_PARTS.heads);
  const tail = rng.pick(COMPANY_PARTS.tails);
  const company = `${head} ${tail}${rng.weighted(COMPANY_PARTS.suffixes)}`;
  return { createdAt, first, last, company, domain: `${asciiOf(head)}${asciiOf(tail)}.example` };
}

/** Options first are usually the common ones: weight 1/(i+1)^0.6 keeps every option present but skewed. */
function skewed(options: readonly string[]): (readonly [string, number])[] {
  return options.map((o, i) => [o, 1 / Math.pow(i + 1, 0.6)] as const);
}

function stringMaker(kind: Kind, field: FieldDef, hints: FieldHints, rng: Random): (lead: LeadContext) => string {
  const mentioned = hints.mentioned.map(String);
  const names = mentioned.some((v) => v.length > 3);
  switch (kind) {
    case "country": {
      const table = COUNTRIES.map(([code, name, w]) => [names ? name : code, w] as const);
      return () => rng.weighted(table);
    }
    case "region":
      return () => rng.weighted(REGIONS);
    case "state":
      return () => rng.weighted(US_STATES);
    case "city":
      return () => rng.weighted(CITIES);
    case "source":
      return () => rng.weighted(SOURCES);
    case "title":
      return () => rng.weighted(JOB_TITLES);
    case "seniority":
      return () => rng.weighted(SENIORITIES);
    case "industry":
      return () => rng.weighted(INDUSTRIES);
    case "email":
      return (l) => `${asciiOf(l.first)}.${asciiOf(l.last)}@${l.domain}`;
    case "website":
      return (l) => `https://www.${l.domain}`;
    case "company":
      return (l) => l.company;
    case "firstName":
      return (l) => l.first;
    case "lastName":
      return (l) => l.last;
    case "fullName":
      return (l) => `${l.first} ${l.last}`;
    case "phone":
      return () => `+1 555 ${String(rng.int(100, 999))} ${String(rng.int(1000, 9999))}`;
    case "product":
      return () => rng.weighted(PRODUCTS);
    case "language":
      return () => rng.weighted(LANGUAGES);
    case "generic": {
      const values = Array.from({ length: 6 }, (_, i) => `${field.key}-${i + 1}`);
      return () => rng.weighted(skewed(values));
    }
  }
}

function numberMaker(kind: NumberKind, hints: FieldHints, rng: Random): () => number {
  const thresholds = hints.mentioned.filter((v): v is number => typeof v === "number");
  switch (kind) {
    case "ratio":
      return () => Math.round(rng.logNormal(2.5, 0.5) * 100) / 100;
    case "employees":
      return () => Math.min(250_000, Math.max(1, Math.round(rng.logNormal(60, 1.7))));
    case "revenue":
      return () => Math.round(rng.logNormal(40_000, 1.3) / 100) * 100;
    case "views":
      return () => (rng.chance(0.2) ? 0 : Math.max(0, Math.round(rng.logNormal(4, 0.9)) - 1));
    case "duration":
      return () => (rng.chance(0.2) ? 0 : Math.round(rng.logNormal(300, 1.1)));
    case "score":
      return () => Math.min(100, Math.max(0, Math.round(50 + 20 * rng.normal())));
    case "age":
      return () => Math.min(80, Math.max(18, Math.round(38 + 10 * rng.normal())));
    case "generic": {
      // Centred on the first threshold the flow's conditions name, so the condition splits the leads.
      const median = thresholds.find((t) => t > 0) ?? 10;
      return () => Math.max(0, Math.round(rng.logNormal(median, 1)));
    }
  }
}

const LIST_SIZES = [
  [0, 15],
  [1, 45],
  [2, 28],
  [3, 12],
] as const;

/** An empty list is written as null, as an import reads an empty cell. */
function listMaker(field: FieldDef, hints: FieldHints, rng: Random): () => string[] | null {
  const text = words(field);
  const kind = kindOf(text, STRING_KINDS, "generic");
  const vocabulary = field.options?.length
    ? field.options
    : hints.mentioned.length
      ? [...new Set(hints.mentioned.map(String))]
      : kind === "product"
        ? PRODUCTS.map(([v]) => v)
        : kind === "language"
          ? LANGUAGES.map(([v]) => v)
          : kind === "region"
            ? REGIONS.map(([v]) => v)
            : kind === "country"
              ? COUNTRIES.map(([code]) => code)
              : GENERIC_TAGS;
  return () => {
    const items = rng.sample(vocabulary, rng.weighted(LIST_SIZES));
    return items.length ? items : null;
  };
}

function booleanMaker(field: FieldDef, rng: Random): () => boolean {
  const text = words(field);
  const p = /convert|\bwon\b|closed|qualified|purchas/.test(text)
    ? 0.35
    : /do ?not|opt ?out|unsubscrib|bounced|spam/.test(text)
      ? 0.08
      : 0.5;
  return () => rng.chance(p);
}

function dateMaker(rng: Random): (lead: LeadContext) => string {
  // A recent moment before the lead arrived (last activity, first visit …), typically a week earlier.
  return (l) => new Date(l.createdAt - Math.round((rng.logNormal(7, 1) * DAY_MS) / 1000) * 1000).toISOString();
}

/** A field's maker; `null` share and the flow's named values are mixed in so conditions meet both sides. */
export function valueMakerFor(field: FieldDef, hints: FieldHints, rng: Random): ValueMaker {
  const text = words(field);
  const nullRate = field.type === "boolean" ? 0.02 : 0.04;
  const hasOptions = field.type === "enum" && (field.options?.length ?? 0) > 0;
  // An enum without options is generated like a string.
  const type = field.type === "enum" && !hasOptions ? "string" : field.type;
  let base: ValueMaker;
  let mentionShare = 0;
  switch (type) {
    case "boolean":
      base = booleanMaker(field, rng);
      break;
    case "number":
      base = numberMaker(kindOf(text, NUMBER_KINDS, "generic"), hints, rng);
      break;
    case "date":
      base = dateMaker(rng);
      break;
    case "list":
      base = listMaker(field, hints, rng);
      break;
    case "enum": {
      const table = skewed(field.options ?? []);
      base = () => rng.weighted(table);
      break;
    }
    case "string": {
      const kind = kindOf(text, STRING_KINDS, "generic");
      base = stringMaker(kind, field, hints, rng);
      mentionShare = kind === "generic" ? 0.7 : kind === "source" ? 0.8 : 0.45;
      break;
    }
  }
  const mentioned = type === "string" ? hints.mentioned.map(String) : [];
  const owners = hints.owners;
  return (lead) => {
    if (owners.length) return rng.chance(0.75) ? rng.pick(owners) : null;
    if (rng.chance(nullRate)) return null;
    if (mentioned.length && rng.chance(mentionShare)) return rng.pick(mentioned);
    return base(lead);
  };
}
