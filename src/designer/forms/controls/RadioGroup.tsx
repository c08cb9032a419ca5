// A set of labelled radio buttons in a fieldset, each with an optional one-line explanation.
import { useId, type ReactNode } from "react";
import { useIssues } from "../context";
import { IssueList } from "./IssueList";

export interface RadioOption<V extends string> {
  readonly value: V;
  readonly label: string;
  readonly help?: string;
}

export function RadioGroup<V extends string>({
  legend,
  value,
  options,
  onChange,
  path,
  children,
}: {
  legend: string;
  value: V | "";
  options: readonly RadioOption<V>[];
  onChange: (value: V) => void;
  path?: string;
  /** Extra content after the options (e.g. the box for a custom address). */
  children?: ReactNode;
}) {
  const name = useId();
  const { issues, describedBy, issueId } = useIssues(path);
  return (
    <fieldset className="lw-radios" aria-describedby={describedBy}>
      <legend className="lw-label">{legend}</legend>
      {options.map((o) => {
        const id = `${name}-${o.value}`;
        return (
          <div key={o.value} className="lw-radio">
            <input
              id={id}
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              aria-describedby={o.help ? `${id}-help` : undefined}
              onChange={() => onChange(o.value)}
            />
            <label htmlFor={id}>{o.label}</label>
            {o.help && (
              <p id={`${id}-help`} className="lw-hint">
                {o.help}
              </p>
            )}
          </div>
        );
      })}
      {children}
      <IssueList id={issueId} issues={issues} />
    </fieldset>
  );
}
