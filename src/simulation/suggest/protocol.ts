// The messages between the designer and the suggestion worker; a failure comes back as a value.
import type { FieldDef } from "../../engine";
import type { Lang } from "../../engine";
import type { Lead } from "../../engine/leads";
import type { ScoreConfig } from "../../../nodes/score/schema";
import type { FoldAuc, SuggestPart } from "./parts";
import type { ScoreSuggestion } from "./suggest";

export interface SuggestRequest {
  readonly id: number;
  readonly leads: readonly Lead[];
  readonly fields: readonly FieldDef[];
  readonly outcome: string;
  readonly current?: ScoreConfig;
  readonly overrides?: Readonly<Record<string, boolean>>;
  readonly lang: Lang;
  readonly referenceTime?: string;
  /** One piece of the work (the rules, or one fold's check); the whole suggestion without it. */
  readonly part?: SuggestPart;
}

export type SuggestResponse =
  | { readonly id: number; readonly ok: true; readonly suggestion: ScoreSuggestion; readonly elapsedMs: number }
  | { readonly id: number; readonly ok: true; readonly fold: FoldAuc; readonly elapsedMs: number }
  | { readonly id: number; readonly ok: false; readonly error: string };
