// The engine's validation messages for one control, with the id the control points to by aria-describedby.
import type { Issue } from "../../../engine";
import { useT } from "../../../i18n/useT";

export function IssueList({ id, issues, local }: { id: string; issues: readonly Issue[]; local?: string | undefined }) {
  const { t } = useT();
  if (issues.length === 0 && !local) return null;
  return (
    <ul id={id} className="lw-issues">
      {local && <li className="lw-issue lw-issue--error">{local}</li>}
      {issues.map((issue, i) => (
        <li key={`${issue.code}-${i}`} className={`lw-issue lw-issue--${issue.severity}`}>
          <span className="lw-sr-only">{t(issue.severity === "error" ? "forms.issue.error" : "forms.issue.warning")} </span>
          {issue.message}
        </li>
      ))}
    </ul>
  );
}
