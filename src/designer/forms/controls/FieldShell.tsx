// A labelled control with its hint and its issues, wiring ids for the label and aria-describedby.
import { useId, type ReactNode } from "react";
import { useIssues } from "../context";
import { IssueList } from "./IssueList";

export interface ControlWiring {
  readonly id: string;
  readonly "aria-describedby": string | undefined;
  readonly "aria-invalid": boolean | undefined;
}

export interface ShellProps {
  readonly label: string;
  /** Keep the label for screen readers only (the row already says what the box is). */
  readonly labelHidden?: boolean;
  readonly hint?: string | undefined;
  /** Config path of the issues shown here. */
  readonly path?: string | undefined;
  /** A problem the form itself found in what was typed (e.g. not a number), shown with the engine's. */
  readonly local?: string | undefined;
  readonly className?: string;
}

export function FieldShell({
  label,
  labelHidden,
  hint,
  path,
  local,
  className,
  children,
}: ShellProps & { children: (wiring: ControlWiring) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const { issues, issueId } = useIssues(path);
  const hasIssues = issues.length > 0 || Boolean(local);
  const describedBy = [hint ? hintId : null, hasIssues ? issueId : null].filter(Boolean).join(" ") || undefined;
  const invalid = issues.some((i) => i.severity === "error") || Boolean(local) ? true : undefined;
  return (
    <div className={`lw-field${className ? ` ${className}` : ""}`}>
      <label htmlFor={id} className={labelHidden ? "lw-sr-only" : "lw-label"}>
        {label}
      </label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": invalid })}
      {hint && (
        <p id={hintId} className="lw-hint">
          {hint}
        </p>
      )}
      <IssueList id={issueId} issues={issues} local={local} />
    </div>
  );
}
