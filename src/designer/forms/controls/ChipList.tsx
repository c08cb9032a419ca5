// A list of values shown as removable chips, with a box to add more (Enter, comma or the Add button; leaving the box adds too).
import { useId, useState, type KeyboardEvent } from "react";
import { useIssues } from "../context";
import { useT } from "../../../i18n/useT";
import { IssueList } from "./IssueList";

export interface ChipListProps {
  readonly label: string;
  readonly labelHidden?: boolean;
  readonly values: readonly string[];
  readonly onChange: (values: string[]) => void;
  readonly placeholder?: string;
  readonly hint?: string | undefined;
  readonly path?: string | undefined;
  /** Values offered while typing. */
  readonly suggestions?: readonly string[];
}

export function ChipList({ label, labelHidden, values, onChange, placeholder, hint, path, suggestions }: ChipListProps) {
  const { t } = useT();
  const id = useId();
  const [pending, setPending] = useState("");
  const { issues, issueId } = useIssues(path);
  const describedBy = [hint ? `${id}-hint` : null, issues.length > 0 ? issueId : null].filter(Boolean).join(" ") || undefined;

  const add = () => {
    const parts = pending
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== "");
    setPending("");
    const next = [...values];
    for (const p of parts) if (!next.some((v) => v.toLowerCase() === p.toLowerCase())) next.push(p);
    if (next.length !== values.length) onChange(next);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" || e.key === ",") {
      e.preventDefault();
      add();
    }
  };
  return (
    <div className="lw-field lw-chiplist">
      <label htmlFor={id} className={labelHidden ? "lw-sr-only" : "lw-label"}>
        {label}
      </label>
      <ul className="lw-chips" aria-label={t("forms.chips.current", { label })}>
        {values.map((v, i) => (
          <li key={`${v}-${i}`} className="lw-chip">
            <span>{v}</span>
            <button
              type="button"
              className="lw-chip-remove"
              aria-label={t("forms.chips.remove", { value: v })}
              onClick={() => onChange(values.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <span className="lw-chip-add">
        <input
          id={id}
          className="lw-input"
          value={pending}
          placeholder={placeholder ?? t("forms.chips.placeholder")}
          list={suggestions?.length ? `${id}-list` : undefined}
          aria-describedby={describedBy}
          onChange={(e) => setPending(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => pending.trim() && add()}
        />
        <button
          type="button"
          className="lw-button"
          onClick={add}
          disabled={pending.trim() === ""}
          aria-label={t("forms.chips.addTo", { label })}
        >
          {t("forms.chips.add")}
        </button>
      </span>
      {suggestions && suggestions.length > 0 && (
        <datalist id={`${id}-list`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      {hint && (
        <p id={`${id}-hint`} className="lw-hint">
          {hint}
        </p>
      )}
      <IssueList id={issueId} issues={issues} />
    </div>
  );
}
