// Decodes a leads file's bytes as UTF-8, and says where it is not UTF-8 instead of silently reading U+FFFD.
import { makeWarning } from "./messages";
import type { ImportWarning } from "./types";

export interface Decoded {
  text: string;
  /** One warning naming the count and the first bad sequence's line and byte, when the bytes are not UTF-8. */
  warning: ImportWarning | null;
}

/** Length of a valid UTF-8 sequence starting at `i`, or 0 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number;
  if (b < 0x80) return 1;
  let len: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) len = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    len = 3;
    if (b === 0xe0) lo = 0xa0;
    if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    len = 4;
    if (b === 0xf0) lo = 0x90;
    if (b === 0xf4) hi = 0x8f;
  } else return 0;
  for (let k = 1; k < len; k++) {
    const c = bytes[i + k];
    if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return 0;
  }
  return len;
}

export function decodeLeadsBytes(bytes: Uint8Array): Decoded {
  const text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false }).decode(bytes);
  // Fast path: no replacement character at all means every byte was valid.
  if (!text.includes("\uFFFD")) return { text, warning: null };
  let count = 0;
  let first = -1;
  for (let i = 0; i < bytes.length;) {
    const len = sequenceLength(bytes, i);
    if (len === 0) {
      if (first === -1) first = i;
      count++;
      i++;
    } else i += len;
  }
  if (count === 0) return { text, warning: null };
  let line = 1;
  for (let i = 0; i < first; i++) if (bytes[i] === 0x0a) line++;
  return { text, warning: makeWarning(0, "import.invalid_utf8", { count, line, byte: first + 1 }) };
}
