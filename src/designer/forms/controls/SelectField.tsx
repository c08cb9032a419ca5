// A labelled drop-down; a current value that is not among the options is still shown (never silently replaced).
import { useT } from "../../../i18n/useT";
import { FieldShell, type ShellProps } from "./FieldShell";

export interface Option {
  readonly value: string;
  readonly label: string;
}

export interface SelectFieldProps extends ShellProps {
  readonly value: string;
  readonly options: readonly Option[];
  readonly onChange: (value: string) => void;
  /** Text of an empty first choice, shown when nothing is chosen yet. */
  readonly placeholder?: string;
  readonly disabled?: boolean;
}

export function SelectField({ value, options, onChange, placeholder, disabled, ...shell }: SelectFieldProps) {
  const { t } = useT();
  const known = options.some((o) => o.value === value);
  return (
    <FieldShell {...shell}>
      {(wiring) => (
        <select {...wiring} className="lw-select" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
          {(placeholder !== undefined || value === "") && !known && <option value="">{placeholder ?? t("forms.choose")}</option>}
          {!known && value !== "" && <option value={value}>{t("forms.unknownOption", { value })}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
