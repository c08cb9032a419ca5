// An expression box: a plain text area, or on request the Monaco editor, loaded lazily; what is typed is always saved as typed.
import { Component, Suspense, lazy, useId, useState, type ReactNode } from "react";
import type { FieldDef, Lang, Issue } from "../../engine";
import { IssueList } from "../forms/controls/IssueList";
import { useT } from "../../i18n/useT";
import { loadMonaco } from "./monaco";

const MonacoExpressionEditor = lazy(async () => {
  await loadMonaco();
  return import("./MonacoExpressionEditor");
});

export interface ExpressionFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly fields: readonly FieldDef[];
  readonly lang: Lang;
  readonly issues: readonly Issue[];
  readonly issueId: string;
  readonly describedBy: string | undefined;
  /** Open the code editor at once (a rule just added). */
  readonly autoOpen?: boolean;
}

export function ExpressionField({
  label,
  value,
  onChange,
  fields,
  lang,
  issues,
  issueId,
  describedBy,
  autoOpen = false,
}: ExpressionFieldProps) {
  const { t } = useT();
  const hintId = `${useId()}-hint`;
  const [open, setOpen] = useState(autoOpen);
  const described = [describedBy, hintId].filter(Boolean).join(" ");
  const plain = <PlainExpression label={label} value={value} onChange={onChange} describedBy={described} />;
  return (
    <div className="lw-expression">
      <div className="lw-expression-head">
        <span className="lw-label" aria-hidden="true">
          {label}
        </span>
        <button type="button" className="lw-button lw-button--small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t("forms.expr.close") : t("forms.expr.open")}
        </button>
      </div>
      {open ? (
        <LoadFailure
          fallback={
            <>
              {plain}
              <p className="lw-issue lw-issue--warning">{t("forms.expr.loadFailed")}</p>
            </>
          }
        >
          <Suspense fallback={plain}>
            <MonacoExpressionEditor value={value} onChange={onChange} fields={fields} lang={lang} label={label} describedBy={described} />
          </Suspense>
        </LoadFailure>
      ) : (
        plain
      )}
      <p id={hintId} className="lw-hint">
        {t("forms.expr.hint")}
      </p>
      <IssueList id={issueId} issues={issues} />
    </div>
  );
}

function PlainExpression({
  label,
  value,
  onChange,
  describedBy,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  describedBy: string;
}) {
  return (
    <textarea
      className="lw-input lw-code"
      aria-label={label}
      aria-describedby={describedBy || undefined}
      value={value}
      spellCheck={false}
      rows={2}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** If the editor's chunk cannot load (e.g. an old tab after a deploy), the plain box stays usable. */
class LoadFailure extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
