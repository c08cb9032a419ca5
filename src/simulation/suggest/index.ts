// Suggestions learnt from outcomes: a score node's rules (with the leak test behind them) and a route's performance weights.
export {
  suggestScore,
  suggestPart,
  MAX_RULES,
  type SuggestInput,
  type ScoreSuggestion,
  type ColumnChoice,
  type BandShare,
} from "./suggest";
export { suggestParts, withFolds, type FoldAuc, type SuggestPart } from "./parts";
export { screenColumn, screenColumns, SEPARATOR_AUC, type ColumnScreen, type LeakReason } from "./leakage";
export { engineAuc, engineScores, scoreOnlyFlow, stratifiedFolds } from "./evaluate";
export { suggestMessages, suggestText, percent, type SuggestCode } from "./messages";
export { leakText } from "./describe";
export { suggestWeights, MIN_TRUSTED_LEADS, type MemberRate } from "./weights";
