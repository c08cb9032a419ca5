// The pieces a suggestion splits into for several workers (the rules; each fold's check) and how they go back together.
import type { ScoreSuggestion, SuggestInput } from "./types";

/** The held-out AUCs of one fold: the rules fitted on the other folds, and the current rules, both scored by the engine. */
export interface FoldAuc {
  readonly fold: number;
  readonly suggested: number | null;
  readonly current: number | null;
}

/** One piece of a suggestion: the rules from all leads, or one fold's check. */
export type SuggestPart = { readonly kind: "final" } | { readonly kind: "fold"; readonly fold: number };

export const foldCount = (input: Pick<SuggestInput, "folds">) => input.folds ?? 5;

/** The parts that make up `suggestScore(input)` for this many leads with a known outcome. */
export function suggestParts(leadsWithOutcome: number, input: Pick<SuggestInput, "folds" | "crossValidate">): SuggestPart[] {
  const k = foldCount(input);
  const folds = input.crossValidate !== false && leadsWithOutcome >= 2 * k ? k : 0;
  return [{ kind: "final" }, ...Array.from({ length: folds }, (_, fold) => ({ kind: "fold" as const, fold }))];
}

const mean = (values: readonly (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((s, v) => s + v, 0) / known.length;
};

/** A suggestion with the AUCs of its folds filled in (folds in any order). */
export function withFolds(s: ScoreSuggestion, folds: readonly FoldAuc[]): ScoreSuggestion {
  const sorted = [...folds].sort((a, b) => a.fold - b.fold);
  const suggestedByFold = sorted.map((f) => f.suggested);
  const currentByFold = sorted.map((f) => f.current);
  return {
    ...s,
    auc: { suggested: mean(suggestedByFold), current: mean(currentByFold), folds: sorted.length, suggestedByFold, currentByFold },
  };
}
