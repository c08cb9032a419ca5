// Trace lines kept as a code and its parameters, put into words only when read (`text`) or written out as JSON.
import { translate, type EngineCode, type Lang, type MessageParams } from "./i18n";

/** One line of an outcome's trace (spec §6): the node, the message code and its parameters, and the words. */
export interface TraceLine {
  readonly node: string;
  readonly code: string;
  readonly params?: MessageParams;
  /** The line in plain words, in the run's language. */
  readonly text: string;
}

/**
 * One line of a lead's trace. A run's lines share their parameters wherever a node can (a member's name, a rule's
 * label), so a traced lead keeps a few small objects; the words are made on demand in the run's language. JSON (the
 * CLI's --out, the service) writes `{ node, code, params, text }`, as before; a structured clone (the simulation worker's
 * messages) carries node, code and params, from which the designer translates into the language it shows.
 */
abstract class Line implements TraceLine {
  constructor(
    readonly node: string,
    readonly code: EngineCode,
    readonly params: MessageParams | undefined,
  ) {}

  protected abstract lang(): Lang;

  get text(): string {
    return translate(this.code, this.params, this.lang());
  }

  toJSON(): { node: string; code: string; params?: MessageParams; text: string } {
    return this.params
      ? { node: this.node, code: this.code, params: this.params, text: this.text }
      : { node: this.node, code: this.code, text: this.text };
  }
}

// One class per language (not a field per line): a line is three fields.
class EnglishLine extends Line {
  protected lang(): Lang {
    return "en";
  }
}
class ChineseLine extends Line {
  protected lang(): Lang {
    return "zh-CN";
  }
}

export type TraceLineMaker = (node: string, code: EngineCode, params?: MessageParams) => TraceLine;

const english: TraceLineMaker = (node, code, params) => new EnglishLine(node, code, params);
const chinese: TraceLineMaker = (node, code, params) => new ChineseLine(node, code, params);

/** Makes trace lines whose words are in `lang`. */
export function traceLines(lang: Lang): TraceLineMaker {
  return lang === "zh-CN" ? chinese : english;
}

/**
 * Lines a node writes again and again (the same rule with the same points, the same member picked): made once per run
 * and shared by every lead, up to a bound so a value that changes with every lead does not grow the cache.
 */
export class LineCache<K> {
  private readonly lines = new Map<K, TraceLine>();
  constructor(private readonly limit = 1_000) {}

  get(key: K, make: () => TraceLine): TraceLine {
    let line = this.lines.get(key);
    if (line === undefined) {
      line = make();
      if (this.lines.size < this.limit) this.lines.set(key, line);
    }
    return line;
  }
}
