// A labelled date box (YYYY-MM-DD); clearing it removes the value.
import { FieldShell, type ShellProps } from "./FieldShell";

export function DateField({ value, onChange, ...shell }: ShellProps & { value: string; onChange: (date: string | undefined) => void }) {
  return (
    <FieldShell {...shell}>
      {(wiring) => (
        <input
          {...wiring}
          type="date"
          className="lw-input lw-input--date"
          value={value}
          onChange={(e) => onChange(e.target.value || undefined)}
        />
      )}
    </FieldShell>
  );
}
