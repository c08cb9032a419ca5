// One condition of a group: field, operator (only those fitting the field's type) and the value editor for them.
import { type Condition, type ConditionValue, type Operator, OPERATORS_BY_TYPE } from "../../../engine";
import { SelectField } from "../controls/SelectField";
import { fieldName, useForm } from "../context";
import { joinPath } from "../issues";
import { useT } from "../../../i18n/useT";
import { ValueEditor } from "./ValueEditor";
import { changeField, changeOperator } from "./values";

const isDateComparison = (op: Operator): op is "gt" | "gte" | "lt" | "lte" => op === "gt" || op === "gte" || op === "lt" || op === "lte";

export function ConditionRow({
  cond,
  number,
  path,
  onChange,
}: {
  cond: Condition;
  /** "2" or "1.3": how the rule is named for screen readers. */
  number: string;
  path: string;
  onChange: (next: Condition, options?: { typing?: boolean }) => void;
}) {
  const { t, te } = useT();
  const { fields } = useForm();
  const field = fields.find((f) => f.key === cond.field);
  const operators = field ? OPERATORS_BY_TYPE[field.type] : [cond.operator];
  const pickField = (key: string) => {
    const to = fields.find((f) => f.key === key);
    if (to) onChange(changeField(cond, field, to));
  };
  const setValue = (value: ConditionValue | undefined, typing: boolean) => {
    const next: Condition = { ...cond, value };
    if (value === undefined) delete next.value;
    onChange(next, { typing });
  };
  return (
    <div role="group" aria-label={t("forms.cond.rule", { n: number })} className="lw-condition">
      <SelectField
        label={t("forms.cond.field")}
        labelHidden
        value={cond.field}
        path={joinPath(path, "field")}
        onChange={pickField}
        options={fields.map((f) => ({ value: f.key, label: fieldName(f, f.key) }))}
      />
      <SelectField
        label={t("forms.cond.operator")}
        labelHidden
        value={cond.operator}
        path={joinPath(path, "operator")}
        onChange={(op) => onChange(changeOperator(cond, field, op as Operator))}
        options={operators.map((op) => ({
          value: op,
          label: field?.type === "date" && isDateComparison(op) ? t(`forms.opDate.${op}`) : te(`opname.${op}`),
        }))}
      />
      <ValueEditor operator={cond.operator} field={field} value={cond.value} path={path} onChange={setValue} />
    </div>
  );
}
