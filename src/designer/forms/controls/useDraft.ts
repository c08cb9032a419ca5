// Keeps what the user typed in a box even when it is not (yet) a value the document accepts, and follows outside changes (undo).
import { useState } from "react";

/**
 * `text` starts as the formatted value. When the value changes from outside (undo, another control),
 * the text follows, unless it already means that value ("1." for 1, " 5" for 5) so the cursor never jumps.
 */
export function useDraft<V>(value: V, format: (value: V) => string, means: (text: string, value: V) => boolean) {
  const [text, setText] = useState(() => format(value));
  const [seen, setSeen] = useState<{ value: V }>({ value });
  if (!Object.is(seen.value, value)) {
    setSeen({ value });
    if (!means(text, value)) setText(format(value));
  }
  return [text, setText] as const;
}
