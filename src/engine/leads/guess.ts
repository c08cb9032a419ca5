// Guesses a field type from a column's values, so an unknown column can be offered as a new field.
import { BOOLEAN_WORDS, dayMonthParts, parseDate, parseNumber } from "./coerce";
import type { FieldType } from "./types";

/** More distinct values than this (case-insensitive) and a column reads as free text, not a choice. */
const MAX_ENUM_OPTIONS = 30;
/** A list item longer than this suggests prose with a semicolon, not a list. */
const MAX_LIST_ITEM = 40;
const LIST_SEPARATOR = /[;|]/;

/**
 * Streams a column's values (trimmed, non-blank) and keeps only what the guess needs,
 * so a 100k-row column costs no memory beyond a few dozen distinct values.
 */
export class TypeGuesser {
  private count = 0;
  private couldBeBoolean = true;
  private couldBeNumber = true;
  private couldBeDate = true;
  private hasSeparator = false;
  private hasLongItem = false;
  private readonly distinct = new Set<string>();
  private tooManyDistinct = false;

  add(text: string): void {
    this.count++;
    const lower = text.toLowerCase();
    // "0"/"1" count as booleans: a column of only 0 and 1 is a flag far more often than a count.
    if (this.couldBeBoolean && !BOOLEAN_WORDS.has(lower)) this.couldBeBoolean = false;
    if (this.couldBeNumber && parseNumber(text) === null) this.couldBeNumber = false;
    if (this.couldBeDate && parseDate(text) === null && dayMonthParts(text) === null) this.couldBeDate = false;
    if (!this.hasLongItem) this.addListEvidence(text);
    if (!this.tooManyDistinct) {
      this.distinct.add(lower);
      if (this.distinct.size > MAX_ENUM_OPTIONS) {
        this.tooManyDistinct = true;
        this.distinct.clear();
      }
    }
  }

  private addListEvidence(text: string): void {
    if (LIST_SEPARATOR.test(text)) {
      this.hasSeparator = true;
      if (text.split(LIST_SEPARATOR).some((item) => item.trim().length > MAX_LIST_ITEM)) this.hasLongItem = true;
    } else if (text.length > MAX_LIST_ITEM) {
      this.hasLongItem = true;
    }
  }

  result(): FieldType {
    if (this.count === 0) return "string";
    if (this.couldBeBoolean) return "boolean";
    if (this.couldBeNumber) return "number";
    if (this.couldBeDate) return "date";
    if (this.hasSeparator && !this.hasLongItem) return "list";
    // A choice repeats: each distinct value appears at least twice on average.
    if (!this.tooManyDistinct && this.count >= 2 * this.distinct.size) return "enum";
    return "string";
  }
}

/** Guesses from values as found in a file; empty values are ignored. */
export function guessFieldType(values: readonly string[]): FieldType {
  const guesser = new TypeGuesser();
  for (const v of values) {
    const t = v.trim();
    if (t !== "") guesser.add(t);
  }
  return guesser.result();
}
