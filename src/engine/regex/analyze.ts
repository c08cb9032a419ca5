// Conservative backtracking analysis: refuses patterns whose matching time can grow faster than the square of the text.
import { CharSet, union } from "./charset";
import { RegexFailure, type RNode } from "./parse";

/** Ways a text may be split by ambiguous alternations outside any repeat, e.g. (mr|mrs)(a|ab): 2 × 2. */
const MAX_ALTERNATION_PRODUCT = 8;

const isVariable = (n: RNode): boolean => n.type === "repeat" && n.max > n.min;

function some(node: RNode, test: (n: RNode) => boolean): boolean {
  if (test(node)) return true;
  if (node.type === "repeat") return some(node.body, test);
  if (node.type === "group") return node.alts.some((alt) => alt.some((n) => some(n, test)));
  return false;
}

function forEachNode(node: RNode, visit: (n: RNode) => void): void {
  visit(node);
  if (node.type === "repeat") forEachNode(node.body, visit);
  if (node.type === "group") for (const alt of node.alts) for (const n of alt) forEachNode(n, visit);
}

interface First {
  readonly set: CharSet;
  readonly nullable: boolean;
}

function firstOfSequence(items: readonly RNode[]): First {
  const sets: CharSet[] = [];
  for (const item of items) {
    const f = firstOf(item);
    sets.push(f.set);
    if (!f.nullable) return { set: union(sets), nullable: false };
  }
  return { set: union(sets), nullable: true };
}

/** The characters a node can start with, and whether it can match nothing at all. */
function firstOf(node: RNode): First {
  switch (node.type) {
    case "chars":
      return { set: node.set, nullable: false };
    case "assert":
      return { set: new CharSet(), nullable: true };
    case "repeat": {
      const f = firstOf(node.body);
      return { set: f.set, nullable: f.nullable || node.min === 0 };
    }
    case "group": {
      const fs = node.alts.map(firstOfSequence);
      return { set: union(fs.map((f) => f.set)), nullable: fs.some((f) => f.nullable) };
    }
  }
}

/** Every character a node can consume anywhere inside it. */
function consumedBy(node: RNode): CharSet {
  const sets: CharSet[] = [];
  forEachNode(node, (n) => {
    if (n.type === "chars") sets.push(n.set);
  });
  return union(sets);
}

/** Two alternatives that can start alike (or one that can be empty) let the engine try both on the same text. */
function isAmbiguous(alts: readonly RNode[][]): boolean {
  if (alts.length < 2) return false;
  const firsts = alts.map(firstOfSequence);
  if (firsts.some((f) => f.nullable)) return true;
  for (let a = 0; a < firsts.length; a++) {
    for (let b = a + 1; b < firsts.length; b++) if ((firsts[a] as First).set.intersects((firsts[b] as First).set)) return true;
  }
  return false;
}

/** Repeats inside repeats ((a+)+, (\w+\s?)*, (a+){3}) and ambiguous alternatives inside repeats ((a|a)*). */
function checkRepeats(root: RNode): void {
  forEachNode(root, (n) => {
    if (n.type !== "repeat" || n.max <= 1) return;
    if (some(n.body, isVariable)) throw new RegexFailure("nested_quantifier", n.at);
    forEachNode(n.body, (inner) => {
      if (inner.type === "group" && isAmbiguous(inner.alts)) throw new RegexFailure("ambiguous_alternation", inner.at);
    });
  });
}

function checkAlternationProduct(root: RNode): void {
  let product = 1;
  forEachNode(root, (n) => {
    if (n.type === "group" && isAmbiguous(n.alts)) {
      product *= n.alts.length;
      if (product > MAX_ALTERNATION_PRODUCT) throw new RegexFailure("ambiguous_alternation", n.at);
    }
  });
}

/**
 * A chain: `k` variable repeats in a row where each one could take over characters the one before it consumed
 * (`set`: what the last one consumes). Such a chain costs about n^k per starting position (.*foo.*: k = 2).
 */
interface Chain {
  readonly set: CharSet;
  readonly k: number;
}

class ChainWalker {
  constructor(private readonly limit: number) {}

  /** Keeps the longest chain per character set, and stops at the first repeat that makes a chain too long. */
  private note(chains: Chain[], at: number): Chain[] {
    const byKey = new Map<string, Chain>();
    for (const c of chains) {
      if (c.k > this.limit) throw new RegexFailure("overlapping_quantifiers", at);
      const key = c.set.key();
      const seen = byKey.get(key);
      if (seen === undefined || seen.k < c.k) byKey.set(key, c);
    }
    return [...byKey.values()];
  }

  sequence(items: readonly RNode[], chains: Chain[]): Chain[] {
    let out = chains;
    for (const item of items) out = this.node(item, out);
    return out;
  }

  private node(node: RNode, chains: Chain[]): Chain[] {
    switch (node.type) {
      case "assert":
        return chains;
      // A required character ends every chain whose last repeat could not have consumed it.
      case "chars":
        return chains.filter((c) => c.set.intersects(node.set));
      case "group":
        return this.note(
          node.alts.flatMap((alt) => this.sequence(alt, chains)),
          node.at,
        );
      case "repeat": {
        const taken = this.node(node.body, chains);
        const out = node.min === 0 ? [...chains, ...taken] : [...taken];
        if (node.max > node.min && !some(node.body, isVariable)) {
          const first = firstOf(node.body).set;
          const set = consumedBy(node.body);
          for (const c of node.min === 0 ? chains : taken) if (c.set.intersects(first)) out.push({ set, k: c.k + 1 });
          out.push({ set, k: 1 });
        }
        return this.note(out, node.at);
      }
    }
  }
}

/** Throws RegexFailure when the pattern may backtrack catastrophically; `alts` is the top-level alternation. */
export function analyze(alts: readonly RNode[][]): void {
  const root: RNode = { type: "group", alts, at: 0 };
  checkRepeats(root);
  checkAlternationProduct(root);
  for (const alt of alts) {
    // Each start position is a fresh attempt, so an unanchored pattern pays one more factor of n.
    const head = alt[0];
    const anchored = head !== undefined && head.type === "assert" && head.kind === "^";
    new ChainWalker(anchored ? 2 : 1).sequence(alt, []);
  }
}
