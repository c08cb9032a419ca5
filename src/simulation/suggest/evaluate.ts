// Judges a score node the way a run would: the engine scores held-out leads of seeded, stratified folds; AUC per fold.
import { compileFlow, CURRENT_VERSION } from "../../engine";
import type { FieldDef, Flow } from "../../engine";
import type { Lead } from "../../engine/leads";
import type { ScoreConfig } from "../../../nodes/score/schema";
import { Random } from "../random";
import { auc } from "../stats";

/** A flow of one trigger (every lead) and the score node: what the score gives each lead, nothing else in the way. */
export function scoreOnlyFlow(config: ScoreConfig, fields: readonly FieldDef[], referenceTime: string): Flow {
  return {
    format: "leadwire.flow",
    version: CURRENT_VERSION,
    id: "f_score_check",
    name: "Score check",
    settings: { timezone: "UTC", seed: 1, referenceTime },
    fields: [...fields],
    teams: [],
    nodes: [
      { id: "every", type: "trigger", position: { x: 0, y: 0 }, config: { sources: [] } },
      { id: "score", type: "score", position: { x: 200, y: 0 }, config },
    ],
    edges: [{ id: "e1", source: "every", sourcePort: "out", target: "score" }],
  };
}

/** The score the engine gives each lead (null where it gives none). */
export function engineScores(flow: Flow, leads: readonly Lead[]): (number | null)[] {
  return compileFlow(flow)
    .run(leads)
    .outcomes.map((o) => (typeof o.score === "number" ? o.score : null));
}

/** AUC of the engine's scores of `config` on `leads` with outcomes `y`. */
export function engineAuc(
  config: ScoreConfig,
  fields: readonly FieldDef[],
  referenceTime: string,
  leads: readonly Lead[],
  y: Uint8Array,
): number | null {
  const scores = engineScores(scoreOnlyFlow(config, fields, referenceTime), leads);
  const s: number[] = [];
  const o: boolean[] = [];
  scores.forEach((v, i) => {
    if (v !== null) {
      s.push(v);
      o.push(y[i] === 1);
    }
  });
  return auc(s, o);
}

/** Fold (0..k-1) of each lead: sales and non-sales shuffled apart with the seed, then dealt in turn, so each fold has the same mix. */
export function stratifiedFolds(y: Uint8Array, k: number, seed: number): Uint8Array {
  const rng = new Random(seed);
  const folds = new Uint8Array(y.length);
  for (const cls of [1, 0]) {
    const idx: number[] = [];
    y.forEach((v, i) => {
      if (v === cls) idx.push(i);
    });
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
    }
    idx.forEach((lead, n) => {
      folds[lead] = n % k;
    });
  }
  return folds;
}

export function pick<T>(items: readonly T[], folds: Uint8Array, keep: (fold: number) => boolean): T[] {
  return items.filter((_, i) => keep(folds[i] as number));
}

export function pickOutcomes(y: Uint8Array, folds: Uint8Array, keep: (fold: number) => boolean): Uint8Array {
  return Uint8Array.from(pick(Array.from(y), folds, keep));
}
