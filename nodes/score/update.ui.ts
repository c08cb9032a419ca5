// How the score form's parts change the node: an immer recipe on its config, with an optional undo mark.
import type { Draft } from "immer";
import type { ScoreConfig } from "./schema";

export type ScoreUpdate = (recipe: (config: Draft<ScoreConfig>) => void, options?: { mark?: string }) => void;
