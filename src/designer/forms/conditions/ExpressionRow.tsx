// An "advanced expression" rule: the expression editor (Monaco, loaded when opened) with the engine's issues beside it.
import { ExpressionField } from "../../expression/ExpressionField";
import { useForm, useIssues } from "../context";
import { joinPath } from "../issues";
import { useT } from "../../../i18n/useT";

export function ExpressionRow({
  expr,
  number,
  path,
  onChange,
}: {
  expr: string;
  number: string;
  path: string;
  onChange: (expr: string) => void;
}) {
  const { t } = useT();
  const { fields, lang } = useForm();
  const { issues, describedBy, issueId } = useIssues(joinPath(path, "expr"));
  return (
    <div role="group" aria-label={t("forms.cond.rule", { n: number })} className="lw-expression-rule">
      <ExpressionField
        label={t("forms.expr.label")}
        value={expr}
        onChange={onChange}
        fields={fields}
        lang={lang}
        describedBy={describedBy}
        issues={issues}
        issueId={issueId}
        autoOpen={expr === ""}
      />
    </div>
  );
}
