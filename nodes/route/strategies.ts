// The pick of each strategy over a roster with per-lead eligibility; state is keyed by member id, never by position.
import type { Member } from "../../src/engine/document/schema";
import { own } from "../../src/engine/state";
import type { Reason } from "./eligibility";
import type { RouteLedger, RouteState, RoundRobinCursor } from "./ledger";

export type Pick = { readonly index: number } | { readonly reason: Reason };

/** True for members that may take the lead (no skip reason). */
export type Eligible = readonly boolean[];

/**
 * The first eligible member at or after the cursor (wrapping). Eligibility is asked lazily, member by member, so a big
 * team costs what the members before the pick cost, not the whole roster.
 */
export function pickRoundRobin(n: number, eligible: (i: number) => boolean, cursor: RoundRobinCursor): Pick {
  const start = cursor.at;
  for (let k = 0; k < n; k++) {
    const i = start + k < n ? start + k : start + k - n;
    if (eligible(i)) {
      cursor.move(i + 1 < n ? i + 1 : 0);
      return { index: i };
    }
  }
  return { reason: { code: "reason.nobody_eligible" } };
}

function pickLowest(ok: Eligible, value: (i: number) => number): Pick {
  let best = -1;
  let bestValue = Number.POSITIVE_INFINITY;
  for (let i = 0; i < ok.length; i++) {
    if (!ok[i]) continue;
    const v = value(i);
    if (v < bestValue) {
      best = i;
      bestValue = v;
    }
  }
  return best >= 0 ? { index: best } : { reason: { code: "reason.nobody_eligible" } };
}

export function pickCatchUp(ok: Eligible, ledger: RouteLedger): Pick {
  return pickLowest(ok, (i) => ledger.count(i));
}

export function pickLeastLoaded(ok: Eligible, load: (i: number) => number): Pick {
  return pickLowest(ok, load);
}

function noWeightedPick(ok: Eligible): Pick {
  return { reason: { code: ok.some(Boolean) ? "reason.all_zero_weight" : "reason.nobody_eligible" } };
}

/**
 * Smooth weighted round robin's current values by roster position for one run: read from the state's `current` (keyed
 * by member id) when the node is bound, kept in a typed array while leads run, written back by `save` at the run's end.
 */
export class WeightedValues {
  readonly value: Float64Array;
  /** 1 for members with a value in the state (only those are written back). */
  readonly known: Uint8Array;
  /** Whether a pick ran in this run (the state then has `current`, even if nobody was eligible). */
  used = false;
  constructor(
    private readonly members: readonly Member[],
    private readonly st: RouteState,
  ) {
    this.value = new Float64Array(members.length);
    this.known = new Uint8Array(members.length);
    const current = st.current;
    if (current)
      members.forEach((m, i) => {
        const v = own(current, m.id);
        if (v !== undefined) {
          this.value[i] = v;
          this.known[i] = 1;
        }
      });
  }

  save(): void {
    if (!this.used) return;
    const current = (this.st.current ??= {});
    for (let i = 0; i < this.members.length; i++) {
      if (this.known[i] === 0) continue;
      current[(this.members[i] as Member).id] = this.value[i] as number;
    }
  }
}

/** nginx's smooth weighted round robin over the eligible members with weight > 0; ties go to roster order. */
export function pickWeightedRoundRobin(ok: Eligible, weights: Float64Array, values: WeightedValues): Pick {
  const value = values.value;
  const known = values.known;
  values.used = true;
  let total = 0;
  let best = -1;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    if (!ok[i] || !(w > 0)) continue;
    const v = (value[i] as number) + w;
    value[i] = v;
    known[i] = 1;
    total += w;
    if (v > bestValue) {
      best = i;
      bestValue = v;
    }
  }
  if (best < 0) return noWeightedPick(ok);
  value[best] = (value[best] as number) - total;
  return { index: best };
}

/**
 * The same pick when eligibility is decided once per run (only `active` matters): `only` lists the active members with
 * weight > 0 in roster order and `total` their weights' sum, so a lead costs one tight pass over them.
 */
export function pickWeightedAmong(only: Int32Array, total: number, weights: Float64Array, values: WeightedValues): Pick {
  const value = values.value;
  if (!values.used) {
    values.used = true;
    for (let k = 0; k < only.length; k++) values.known[only[k] as number] = 1;
  }
  let best = -1;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < only.length; k++) {
    const i = only[k] as number;
    const v = (value[i] as number) + (weights[i] as number);
    value[i] = v;
    if (v > bestValue) {
      best = i;
      bestValue = v;
    }
  }
  if (best < 0) return { reason: { code: "reason.nobody_eligible" } };
  value[best] = (value[best] as number) - total;
  return { index: best };
}

/** mulberry32: small, fast and good enough for fair picks; its whole state is one 32-bit number kept in the run state. */
function nextRandom(st: RouteState): number {
  let t = (st.rng = ((st.rng ?? 0) + 0x6d2b79f5) | 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** The generator's starting state for one node: the flow's seed mixed with the node id (FNV-1a). */
export function seedFor(seed: number, nodeId: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < nodeId.length; i++) h = Math.imul(h ^ nodeId.charCodeAt(i), 0x01000193);
  return h | 0;
}

export function pickRandomWeighted(ok: Eligible, weights: readonly number[], st: RouteState): Pick {
  let total = 0;
  for (let i = 0; i < ok.length; i++) if (ok[i] && (weights[i] as number) > 0) total += weights[i] as number;
  if (!(total > 0)) return noWeightedPick(ok);
  let r = nextRandom(st) * total;
  let last = -1;
  for (let i = 0; i < ok.length; i++) {
    const w = weights[i] as number;
    if (!ok[i] || !(w > 0)) continue;
    last = i;
    if (r < w) return { index: i };
    r -= w;
  }
  return { index: last };
}
