// What a score suggestion takes and gives: its own module, so the fold runner and the fitter share it without a circle.
import type { FieldDef, Lang } from "../../engine";
import type { Lead } from "../../engine/leads";
import type { ScoreConfig } from "../../../nodes/score/schema";
import type { ColumnScreen } from "./leakage";

export interface SuggestInput {
  readonly leads: readonly Lead[];
  /** The flow's fields; columns it does not declare are typed as an import would type them. */
  readonly fields: readonly FieldDef[];
  /** The lead key holding the known outcome (true/false, 1/0, yes/no, 是/否); leads without one are left out. */
  readonly outcome: string;
  /** The score node's config today: judged on the same folds, and its field names and grade names are kept. */
  readonly current?: ScoreConfig;
  /** Column → true to use it although flagged, false to leave it out although not. */
  readonly overrides?: Readonly<Record<string, boolean>>;
  readonly seed?: number;
  readonly folds?: number;
  readonly maxRules?: number;
  /** Language of the rule labels written into the node. */
  readonly lang?: Lang;
  readonly referenceTime?: string;
  /** False skips the held-out check (the folds themselves, and callers who check on their own). */
  readonly crossValidate?: boolean;
}

export interface ColumnChoice extends ColumnScreen {
  /** Offered to the model (not flagged, or switched on by the user). */
  readonly usable: boolean;
  /** A suggested rule uses it. */
  readonly used: boolean;
}

export interface BandShare {
  readonly name: string;
  readonly min?: number;
  readonly leads: number;
  readonly converted: number;
}

export interface ScoreSuggestion {
  readonly config: ScoreConfig;
  /** Fields the rules use that the flow does not declare yet: accepting adds them. */
  readonly addedFields: readonly FieldDef[];
  readonly columns: readonly ColumnChoice[];
  /** Mean AUC over the held-out folds (null when not checked, or when a fold had one class only). */
  readonly auc: {
    readonly suggested: number | null;
    readonly current: number | null;
    readonly folds: number;
    readonly suggestedByFold: readonly (number | null)[];
    readonly currentByFold: readonly (number | null)[];
  };
  readonly leads: number;
  readonly converted: number;
  readonly unknownOutcome: number;
  /** How the leads fall into the proposed grades, and how many of each converted. */
  readonly bands: readonly BandShare[];
}
