// Suggests a score node from leads with a known outcome: screen the columns for leaks, fit a sparse model, round it to
// at most 12 whole-point rules with grade bands, and judge it (and the current rules) on held-out folds with the engine.
import type { FieldDef } from "../../engine";
import type { Lang } from "../../engine";
import type { Lead } from "../../engine/leads";
import type { ScoreConfig } from "../../../nodes/score/schema";
import { prepareColumns } from "./columns";
import { encodeColumns } from "./encode";
import { engineAuc, pick, pickOutcomes, stratifiedFolds } from "./evaluate";
import { foldCount, withFolds, type FoldAuc, type SuggestPart } from "./parts";
import { buildFeatures, type Feature } from "./features";
import { fitSubset, forwardSelect } from "./fit";
import { screenColumns, type ColumnScreen } from "./leakage";
import { roundModel, totals, type DraftRule } from "./rules";
import type { BandShare, ScoreSuggestion, SuggestInput } from "./types";

export const MAX_RULES = 12;
/** Features the forward selection may pick before rules are merged and the weakest dropped down to MAX_RULES. */
const MAX_FEATURES = 24;
const DEFAULT_BANDS = ["A", "B", "C"];

export type { BandShare, ColumnChoice, ScoreSuggestion, SuggestInput } from "./types";

/** The features restricted to some leads (a fold's training part). */
function subset(features: readonly Feature[], rows: Int32Array): Feature[] {
  return features.map((f) => {
    const x = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) x[i] = f.x[rows[i] as number] as number;
    return { ...f, x };
  });
}

function fitRules(
  features: readonly Feature[],
  y: Uint8Array,
  maxRules: number,
  labels: ReadonlyMap<string, string>,
  lang: Lang,
): DraftRule[] {
  const xs = features.map((f) => f.x);
  const first = forwardSelect(xs, y, MAX_FEATURES, () => true);
  const selected = [...first.selected];
  let fit = fitSubset(xs, y, selected, [first.intercept, ...first.beta]);
  for (;;) {
    const terms = selected.map((j, k) => ({ feature: features[j] as (typeof features)[number], beta: fit.beta[k] as number }));
    const rules = roundModel(terms, fit.eta, y, labels, lang);
    if (rules.length <= maxRules || selected.length === 0) return rules.slice(0, maxRules);
    // Drop the term that moves scores least, refit the rest, and round again.
    let worst = 0,
      worstWeight = Number.POSITIVE_INFINITY;
    terms.forEach((t, k) => {
      const x = t.feature.x;
      let s = 0,
        ss = 0;
      for (const v of x) {
        s += v;
        ss += v * v;
      }
      const w = Math.abs(t.beta) * Math.sqrt(Math.max(0, ss / x.length - (s / x.length) ** 2));
      if (w < worstWeight) {
        worstWeight = w;
        worst = k;
      }
    });
    selected.splice(worst, 1);
    const start = [fit.intercept, ...fit.beta.filter((_, k) => k !== worst)];
    fit = fitSubset(xs, y, selected, start, 5);
  }
}

/** Grade bands that split the training scores into about equal shares, top band first; names from the current node. */
function proposeBands(scores: Float64Array, names: readonly string[]): { name: string; min?: number }[] {
  const sorted = Array.from(scores).sort((a, b) => b - a);
  const bands: { name: string; min?: number }[] = [];
  let previous = Number.POSITIVE_INFINITY;
  names.forEach((name, i) => {
    if (i === names.length - 1) {
      bands.push({ name });
      return;
    }
    let min = sorted[Math.min(sorted.length - 1, Math.floor(((i + 1) * sorted.length) / names.length) - 1)] ?? 0;
    if (min >= previous) min = previous - 1;
    previous = min;
    bands.push({ name, min });
  });
  return bands;
}

function bandShares(bands: readonly { name: string; min?: number }[], scores: Float64Array, y: Uint8Array): BandShare[] {
  const out = bands.map((b) => ({ ...b, leads: 0, converted: 0 }));
  scores.forEach((s, i) => {
    const band = out.find((b) => b.min === undefined || s >= b.min);
    if (!band) return;
    band.leads++;
    band.converted += y[i] as number;
  });
  return out;
}

/** Builds the score config from training leads (no held-out check). */
function suggestConfig(features: readonly Feature[], y: Uint8Array, input: SuggestInput, labels: ReadonlyMap<string, string>) {
  const rules = fitRules(features, y, input.maxRules ?? MAX_RULES, labels, input.lang ?? "en");
  const raw = totals(rules, y.length);
  // Starting points that lift the lowest score to 0: the ranking is the same, and managers read scores from 0 up.
  const lowest = raw.reduce((m, v) => Math.min(m, v), 0);
  const base = lowest === 0 ? 0 : -lowest;
  const scores = raw.map((v) => v + base);
  const current = input.current;
  const names = current?.grades && current.grades.bands.length >= 2 ? current.grades.bands.map((b) => b.name) : DEFAULT_BANDS;
  const bands = proposeBands(scores, names);
  const config: ScoreConfig = {
    ...(current?.field !== undefined ? { field: current.field } : { field: "score" }),
    base,
    rules: rules.map((r) => r.rule),
    grades: { field: current?.grades?.field ?? "grade", bands },
  };
  return { config, rules, shares: bandShares(bands, scores, y) };
}

interface Context {
  readonly input: SuggestInput;
  readonly prepared: ReturnType<typeof prepareColumns>;
  readonly screens: readonly ColumnScreen[];
  readonly usable: ReadonlySet<string>;
  readonly labels: ReadonlyMap<string, string>;
  readonly features: readonly Feature[];
  readonly referenceTime: string;
}

function contextOf(input: SuggestInput): Context {
  const prepared = prepareColumns(input.leads, input.fields, input.outcome);
  const encodedAll = encodeColumns(prepared.columns, prepared.leads);
  const screens = screenColumns(encodedAll, prepared.y);
  const overrides = input.overrides ?? {};
  const usable = new Set(
    screens.filter((s) => (Object.hasOwn(overrides, s.column) ? overrides[s.column] === true : !s.flagged)).map((s) => s.column),
  );
  const encoded = encodedAll.filter((e) => usable.has(e.column.key));
  // Candidate rules are drawn once from every lead's values (thresholds and values use no outcome, so the folds may share them).
  const features = buildFeatures(
    encoded,
    Int32Array.from(prepared.y, (_, i) => i),
  );
  return {
    input,
    prepared,
    screens,
    usable,
    features,
    labels: new Map(prepared.columns.map((c) => [c.key, c.label])),
    referenceTime: input.referenceTime ?? new Date(0).toISOString(),
  };
}

/** How many folds a check of these leads has (0 when there are too few leads to check). */
function checkedFolds(ctx: Context): number {
  return ctx.input.crossValidate !== false && ctx.prepared.leads.length >= 2 * foldCount(ctx.input) ? foldCount(ctx.input) : 0;
}

function foldOf(ctx: Context, f: number): FoldAuc {
  const {
    prepared: { leads, y, fields },
    input,
    referenceTime,
  } = ctx;
  const folds = stratifiedFolds(y, foldCount(input), input.seed ?? 1);
  const train = (fold: number) => fold !== f;
  const held = (fold: number) => fold === f;
  const heldLeads = pick(leads, folds, held);
  const heldY = pickOutcomes(y, folds, held);
  const rows = Int32Array.from(
    pick(
      Array.from(y, (_, i) => i),
      folds,
      train,
    ),
  );
  const fitted = suggestConfig(subset(ctx.features, rows), pickOutcomes(y, folds, train), input, ctx.labels).config;
  return {
    fold: f,
    suggested: engineAuc(fitted, fields, referenceTime, heldLeads, heldY),
    current: currentAuc(input.current, fields, referenceTime, heldLeads, heldY),
  };
}

function finalOf(ctx: Context, folds: readonly FoldAuc[]): ScoreSuggestion {
  const { prepared, input } = ctx;
  const { config, rules, shares } = suggestConfig(ctx.features, prepared.y, input, ctx.labels);
  const used = new Set(rules.map((r) => r.column));
  return withFolds(
    {
      config,
      addedFields: prepared.columns.filter((c) => c.added && used.has(c.key)).map((c) => c.field),
      columns: ctx.screens.map((s) => ({ ...s, usable: ctx.usable.has(s.column), used: used.has(s.column) })),
      auc: { suggested: null, current: null, folds: 0, suggestedByFold: [], currentByFold: [] },
      leads: prepared.leads.length,
      converted: prepared.y.reduce((s, v) => s + v, 0),
      unknownOutcome: prepared.unknownOutcome,
      bands: shares,
    },
    folds,
  );
}

export function suggestScore(input: SuggestInput): ScoreSuggestion {
  const ctx = contextOf(input);
  const folds = Array.from({ length: checkedFolds(ctx) }, (_, f) => foldOf(ctx, f));
  return finalOf(ctx, folds);
}

export function suggestPart(input: SuggestInput, part: SuggestPart): ScoreSuggestion | FoldAuc {
  const ctx = contextOf(input);
  return part.kind === "final" ? finalOf(ctx, []) : foldOf(ctx, part.fold);
}

/** The current rules' AUC, or null when there are none or they do not compile (the designer shows their issues already). */
function currentAuc(
  current: ScoreConfig | undefined,
  fields: readonly FieldDef[],
  referenceTime: string,
  leads: readonly Lead[],
  y: Uint8Array,
): number | null {
  if (!current || current.rules.length === 0) return null;
  try {
    return engineAuc(current, fields, referenceTime, leads, y);
  } catch {
    return null;
  }
}
