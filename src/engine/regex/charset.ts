// Coarse character sets for the regex safety analysis: each ASCII character, plus one slot for all the others.

const OTHER = 128;
const SIZE = 129;

/**
 * Sets only ever over-approximate what a pattern can match (case folded, every non-ASCII character in one slot),
 * so "these may overlap" is never missed — the analysis errs towards refusing.
 */
export class CharSet {
  private readonly slots = new Uint8Array(SIZE);

  static of(...codes: number[]): CharSet {
    const s = new CharSet();
    for (const c of codes) s.add(c);
    return s;
  }

  static range(lo: number, hi: number): CharSet {
    const s = new CharSet();
    for (let c = lo; c <= Math.min(hi, 127); c++) s.add(c);
    if (hi >= 128) s.slots[OTHER] = 1;
    return s;
  }

  /** Adds a UTF-16 code unit and, for ASCII letters, its other case (the pattern runs with the i flag). */
  add(code: number): void {
    if (code >= 128) {
      this.slots[OTHER] = 1;
      return;
    }
    this.slots[code] = 1;
    if (code >= 65 && code <= 90) this.slots[code + 32] = 1;
    else if (code >= 97 && code <= 122) this.slots[code - 32] = 1;
  }

  addAll(other: CharSet): void {
    for (let i = 0; i < SIZE; i++) if (other.slots[i] === 1) this.slots[i] = 1;
  }

  /** Every ASCII character not in this set, and always the non-ASCII slot (some non-ASCII character is surely left). */
  negated(): CharSet {
    const s = new CharSet();
    for (let i = 0; i < 128; i++) s.slots[i] = this.slots[i] === 1 ? 0 : 1;
    s.slots[OTHER] = 1;
    return s;
  }

  intersects(other: CharSet): boolean {
    for (let i = 0; i < SIZE; i++) if (this.slots[i] === 1 && other.slots[i] === 1) return true;
    return false;
  }

  isEmpty(): boolean {
    return !this.slots.includes(1);
  }

  key(): string {
    return this.slots.join("");
  }
}

export function union(sets: readonly CharSet[]): CharSet {
  const s = new CharSet();
  for (const x of sets) s.addAll(x);
  return s;
}

const DIGITS = CharSet.range(48, 57);
const WORD = union([DIGITS, CharSet.range(65, 90), CharSet.of(95)]);
/** ASCII white space; the non-ASCII slot stands for U+00A0, U+3000 and the rest. */
const SPACE = union([CharSet.range(9, 13), CharSet.of(32), CharSet.range(128, 128)]);

export const CLASS_ESCAPES: ReadonlyMap<string, CharSet> = new Map([
  ["d", DIGITS],
  ["D", DIGITS.negated()],
  ["w", WORD],
  ["W", WORD.negated()],
  ["s", SPACE],
  ["S", SPACE.negated()],
]);

export const ANY_BUT_NEWLINE: CharSet = CharSet.of(10, 13).negated();
