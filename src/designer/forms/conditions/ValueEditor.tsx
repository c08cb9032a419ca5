// The value part of a condition, shaped by operator and field type: chips, date, number, yes/no, list, range, days or nothing.
import type { ConditionValue, Operator, FieldDef } from "../../../engine";
import { ChipList } from "../controls/ChipList";
import { DateField } from "../controls/DateField";
import { IssueList } from "../controls/IssueList";
import { NumberField } from "../controls/NumberField";
import { SelectField } from "../controls/SelectField";
import { TextField } from "../controls/TextField";
import { ToggleChips } from "../controls/ToggleChips";
import { useIssues } from "../context";
import { joinPath } from "../issues";
import { useT } from "../../../i18n/useT";
import { dateBoxValue, listItem, valueKind } from "./values";

export interface ValueEditorProps {
  readonly operator: Operator;
  readonly field: FieldDef | undefined;
  readonly value: ConditionValue | undefined;
  /** Config path of the condition; issues at `<path>.value` are shown here. */
  readonly path: string;
  /** `typing` is true for text, number and date boxes, whose keystrokes merge into one undo step. */
  readonly onChange: (value: ConditionValue | undefined, typing: boolean) => void;
}

const texts = (value: ConditionValue | undefined): string[] =>
  Array.isArray(value) ? value.map(String) : value === undefined || value === null || value === "" ? [] : [String(value)];

export function ValueEditor({ operator, field, value, path, onChange: change }: ValueEditorProps) {
  const onChange = (v: ConditionValue | undefined) => change(v, true);
  const pick = (v: ConditionValue | undefined) => change(v, false);
  const { t } = useT();
  const type = field?.type ?? "string";
  const kind = valueKind(operator, type);
  const at = joinPath(path, "value");
  const label = t("forms.cond.value");
  const options = field?.options ?? [];

  switch (kind) {
    case "none":
      return null;
    case "list":
      if (type === "enum")
        return <ToggleChips label={label} options={options} selected={texts(value)} multiple onChange={pick} path={at} />;
      return (
        <ChipList
          label={label}
          labelHidden
          values={texts(value)}
          onChange={(v) => pick(v.map((x) => listItem(x, type)))}
          path={at}
          placeholder={t("forms.cond.listPlaceholder")}
        />
      );
    case "range":
      return <RangeEditor value={value} date={type === "date"} path={at} onChange={onChange} />;
    case "days":
      return (
        <NumberField
          label={label}
          labelHidden
          value={typeof value === "number" ? value : undefined}
          onChange={onChange}
          integer
          min={0}
          suffix={t("forms.cond.days")}
          path={at}
        />
      );
    case "text":
      return (
        <TextField
          label={label}
          labelHidden
          value={typeof value === "string" ? value : texts(value).join(", ")}
          onChange={onChange}
          path={at}
          placeholder={operator === "matches" ? t("forms.cond.patternPlaceholder") : t("forms.cond.textPlaceholder")}
        />
      );
    case "scalar":
      switch (type) {
        case "number":
          return (
            <NumberField
              label={label}
              labelHidden
              value={typeof value === "number" || typeof value === "string" ? value : undefined}
              onChange={onChange}
              allowText
              path={at}
            />
          );
        case "date":
          return <DateField label={label} labelHidden value={dateBoxValue(value)} onChange={onChange} path={at} />;
        case "boolean":
          return (
            <SelectField
              label={label}
              labelHidden
              value={typeof value === "boolean" ? String(value) : ""}
              placeholder={t("forms.choose")}
              options={[
                { value: "true", label: t("forms.yes") },
                { value: "false", label: t("forms.no") },
              ]}
              onChange={(v) => pick(v === "" ? undefined : v === "true")}
              path={at}
            />
          );
        case "enum":
          return (
            <ToggleChips label={label} options={options} selected={texts(value)} multiple={false} onChange={(v) => pick(v[0])} path={at} />
          );
        default:
          return (
            <TextField
              label={label}
              labelHidden
              value={typeof value === "string" ? value : texts(value).join(", ")}
              onChange={onChange}
              path={at}
              placeholder={t("forms.cond.textPlaceholder")}
            />
          );
      }
  }
}

function RangeEditor({
  value,
  date,
  path,
  onChange,
}: {
  value: ConditionValue | undefined;
  date: boolean;
  path: string;
  onChange: (v: ConditionValue) => void;
}) {
  const { t } = useT();
  const { issues, describedBy, issueId } = useIssues(path);
  const [lo = "", hi = ""] = Array.isArray(value) ? value : [];
  const set = (which: 0 | 1, v: string | number | undefined) => {
    const next: (string | number)[] = [lo, hi];
    next[which] = v ?? "";
    onChange(next);
  };
  return (
    <div className="lw-range" role="group" aria-label={t("forms.cond.range")} aria-describedby={describedBy}>
      {date ? (
        <>
          <DateField label={t("forms.cond.from")} value={dateBoxValue(lo)} onChange={(v) => set(0, v)} />
          <DateField label={t("forms.cond.to")} value={dateBoxValue(hi)} onChange={(v) => set(1, v)} />
        </>
      ) : (
        <>
          <NumberField label={t("forms.cond.from")} value={lo === "" ? undefined : lo} onChange={(v) => set(0, v)} allowText />
          <NumberField label={t("forms.cond.to")} value={hi === "" ? undefined : hi} onChange={(v) => set(1, v)} allowText />
        </>
      )}
      <IssueList id={issueId} issues={issues} />
    </div>
  );
}
