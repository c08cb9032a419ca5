// A labelled number box that keeps half-typed text ("-", "1.") and only commits numbers the document accepts.
import { useT } from "../../../i18n/useT";
import { FieldShell, type ShellProps } from "./FieldShell";
import { readNumber, type NumberRules } from "./numbers";
import { useDraft } from "./useDraft";

type Committed = number | string | undefined;

export interface NumberFieldProps extends ShellProps, NumberRules {
  readonly value: Committed;
  /** A number, undefined for an emptied optional box, or (with allowText) the text as typed. */
  readonly onChange: (value: Committed) => void;
  /** Commit text that is not a number as it is (condition values: the engine then flags it). */
  readonly allowText?: boolean;
  readonly placeholder?: string;
  readonly suffix?: string;
}

function format(value: Committed): string {
  return value === undefined ? "" : String(value);
}

export function NumberField({
  value,
  onChange,
  allowText,
  placeholder,
  suffix,
  integer,
  min,
  positive,
  required,
  ...shell
}: NumberFieldProps) {
  const { t } = useT();
  const rules = { integer, min, positive, required };
  const [text, setText] = useDraft<Committed>(value, format, (typed, v) => {
    const r = readNumber(typed, rules);
    if (r.kind === "number") return r.value === v;
    if (r.kind === "empty") return v === undefined || v === "";
    return typed === v;
  });
  const reading = readNumber(text, rules);
  const problem = reading.kind === "bad" ? t(`forms.number.${reading.problem}`, { min: min ?? 0 }) : undefined;
  const change = (next: string) => {
    setText(next);
    const r = readNumber(next, rules);
    if (r.kind === "number") onChange(r.value);
    else if (r.kind === "empty") onChange(undefined);
    else if (allowText && next.trim() !== "") onChange(next);
  };
  return (
    <FieldShell {...shell} local={problem}>
      {(wiring) => (
        <span className="lw-number">
          <input
            {...wiring}
            type="text"
            inputMode="decimal"
            className="lw-input lw-input--number"
            value={text}
            placeholder={placeholder}
            onChange={(e) => change(e.target.value)}
          />
          {suffix && (
            <span className="lw-suffix" aria-hidden="true">
              {suffix}
            </span>
          )}
        </span>
      )}
    </FieldShell>
  );
}
