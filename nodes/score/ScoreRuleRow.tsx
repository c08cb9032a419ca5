// One score rule as table rows: the rule's cells, and below them its condition builder when opened.
import type { Draft } from "immer";
import { useId, useState, type ReactNode } from "react";
import { describeRule } from "../../src/engine/conditions/describe";
import type { ConditionGroup } from "../../src/engine/conditions/schema";
import type { ScoreRule } from "./schema";
import { ConditionBuilder, type GroupUpdate } from "../../src/designer/forms/conditions/ConditionBuilder";
import { defaultField, newCondition } from "../../src/designer/forms/conditions/values";
import { IssueList } from "../../src/designer/forms/controls/IssueList";
import { NumberField } from "../../src/designer/forms/controls/NumberField";
import { FieldPicker } from "../../src/designer/forms/controls/FieldPicker";
import { TextField } from "../../src/designer/forms/controls/TextField";
import { fieldName, useForm, useMark } from "../../src/designer/forms/context";
import { issuesUnder } from "../../src/designer/forms/issues";
import { useT } from "../../src/i18n/useT";
import type { ScoreUpdate } from "./update.ui";

export function ScoreRuleRow({
  rule,
  index,
  update,
  actions,
}: {
  rule: ScoreRule;
  index: number;
  update: ScoreUpdate;
  actions: ReactNode;
}) {
  const { t } = useT();
  const { fields, lang, flow, issues } = useForm();
  const [open, setOpen] = useState(false);
  const conditionId = useId();
  const hiddenId = `${conditionId}-issues`;
  const at = `rules[${index}]`;
  const mark = useMark(at);
  const n = index + 1;
  // While the condition is closed, its problems are shown here so none is out of sight.
  const hidden = issuesUnder(issues, `${at}.when`);
  const cell = (column: string) => t("forms.score.cell", { column, n });
  const edit = (recipe: (r: Draft<ScoreRule>) => void, typing?: string) =>
    update(
      (c) => {
        const r = c.rules[index];
        if (r) recipe(r);
      },
      typing ? { mark: `${mark}.${typing}` } : undefined,
    );
  const labels = new Map(fields.map((f) => [f.key, fieldName(f, f.key)]));
  const summary = rule.when ? describeRule(rule.when, labels)[lang] : t("forms.score.always");
  const firstField = defaultField(fields, flow.fields);

  const openCondition = () => {
    if (!rule.when && firstField)
      edit((r) => {
        r.when = { op: "all", rules: [newCondition(firstField)] };
      });
    setOpen(!open || !rule.when);
  };
  const whenUpdate: GroupUpdate = (recipe, options) =>
    update((c) => {
      const w = c.rules[index]?.when;
      if (w) recipe(w as Draft<ConditionGroup>);
    }, options);

  return (
    <tbody className="lw-score-rule">
      <tr>
        <td data-label={t("forms.score.label")}>
          <TextField
            label={cell(t("forms.score.label"))}
            labelHidden
            value={rule.label ?? ""}
            placeholder={t("forms.score.labelPlaceholder")}
            onChange={(v) =>
              edit((r) => {
                if (v === "") delete r.label;
                else r.label = v;
              }, "label")
            }
          />
        </td>
        <td data-label={t("forms.score.when")}>
          <span className="lw-summary">{summary}</span>{" "}
          <button
            type="button"
            className="lw-button lw-button--small"
            aria-expanded={open && Boolean(rule.when)}
            aria-controls={conditionId}
            aria-describedby={!open && hidden.length > 0 ? hiddenId : undefined}
            aria-label={t(rule.when ? "forms.score.editCondition" : "forms.score.addCondition", { n })}
            onClick={openCondition}
          >
            {t(rule.when ? "forms.score.editConditionShort" : "forms.score.addConditionShort")}
          </button>
          {!open && <IssueList id={hiddenId} issues={hidden} />}
        </td>
        <td data-label={t("forms.score.per")}>
          <FieldPicker
            label={cell(t("forms.score.per"))}
            labelHidden
            value={rule.per?.field ?? ""}
            path={`${at}.per.field`}
            types={["number"]}
            leading={[{ value: "", label: t("forms.score.fixed") }]}
            onChange={(key) =>
              edit((r) => {
                if (key === "") delete r.per;
                else r.per = { ...r.per, field: key };
              })
            }
          />
          {rule.per && (
            <span className="lw-per">
              <span aria-hidden="true">{t("forms.score.every")}</span>
              <NumberField
                label={cell(t("forms.score.unit"))}
                labelHidden
                value={rule.per.unit}
                positive
                placeholder="1"
                onChange={(v) =>
                  edit((r) => {
                    if (!r.per) return;
                    if (typeof v === "number") r.per.unit = v;
                    else delete r.per.unit;
                  }, "unit")
                }
              />
            </span>
          )}
        </td>
        <td data-label={t("forms.score.points")}>
          <NumberField
            label={cell(t("forms.score.points"))}
            labelHidden
            value={rule.points}
            required
            onChange={(v) =>
              typeof v === "number" &&
              edit((r) => {
                r.points = v;
              }, "points")
            }
          />
        </td>
        <td data-label={t("forms.score.max")}>
          {rule.per || rule.max !== undefined ? (
            <NumberField
              label={cell(t("forms.score.max"))}
              labelHidden
              value={rule.max}
              min={0}
              path={`${at}.max`}
              onChange={(v) =>
                edit((r) => {
                  if (typeof v === "number") r.max = v;
                  else delete r.max;
                }, "max")
              }
            />
          ) : (
            <span aria-hidden="true">—</span>
          )}
        </td>
        <td>{actions}</td>
      </tr>
      {open && rule.when && (
        <tr id={conditionId} className="lw-score-condition">
          <td colSpan={6}>
            <ConditionBuilder group={rule.when} path={`${at}.when`} update={whenUpdate} legend={t("forms.score.conditionOf", { n })} />
            <button
              type="button"
              className="lw-button lw-danger"
              onClick={() => {
                setOpen(false);
                edit((r) => {
                  delete r.when;
                });
              }}
            >
              {t("forms.score.removeCondition")}
            </button>
          </td>
        </tr>
      )}
    </tbody>
  );
}
