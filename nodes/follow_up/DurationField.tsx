// A length of time as a number and a unit (minutes, hours, days); the document keeps exactly one unit.
import { NumberField } from "../../src/designer/forms/controls/NumberField";
import { SelectField } from "../../src/designer/forms/controls/SelectField";
import { useT } from "../../src/i18n/useT";
import type { Duration } from "./schema";

export const UNITS = ["minutes", "hours", "days"] as const;
export type Unit = (typeof UNITS)[number];

export function unitOf(d: Duration): Unit {
  return d.days !== undefined ? "days" : d.hours !== undefined ? "hours" : "minutes";
}

export function DurationField({
  label,
  value,
  path,
  onChange,
}: {
  label: string;
  value: Duration;
  /** Config path of the duration ("within", "remind[0].after"): its issues show beside the number. */
  path: string;
  /** `typing`: a keystroke in the number box (merged into one undo step). */
  onChange: (next: Duration, typing: boolean) => void;
}) {
  const { te } = useT();
  const unit = unitOf(value);
  const amount = value[unit] ?? 0;
  return (
    <div className="lw-row lw-duration">
      <NumberField
        label={label}
        value={amount}
        required
        path={path}
        onChange={(v) => typeof v === "number" && onChange({ [unit]: v }, true)}
      />
      <SelectField
        label={te("follow_up.form.unitOf", { what: label })}
        labelHidden
        value={unit}
        options={UNITS.map((u) => ({ value: u, label: te(`follow_up.form.unit.${u}`) }))}
        onChange={(u) => onChange({ [u]: amount }, false)}
      />
    </div>
  );
}
