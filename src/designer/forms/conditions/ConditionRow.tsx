// One condition of a group: field, operator (only those fitting the field's type) and the value editor for them.
import { type Condition, type ConditionValue, type FieldDef, type Operator, OPERATORS_BY_TYPE } from "../../../engine";
import { SelectField } from "../controls/SelectField";
import { FieldPicker } from "../controls/FieldPicker";
import { useForm } from "../context";
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
  const pickField = (_key: string, to: FieldDef | undefined) => {
    if (to) onChange(changeField(cond, field, to));
  };
  const setValue = (value: ConditionValue | undefined, typing: boolean) => {
    const next: Condition = { ...cond, value };
    if (value === undefined) delete next.value;
    onChange(next, { typing });
  };
  return (
    <div role="group" aria-label={t("forms.cond.rule", { n: number })} className="lw-condition">
      <FieldPicker label={t("forms.cond.field")} labelHidden value={cond.field} path={joinPath(path, "field")} onChange={pickField} />
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
