// The condition builder: an all/any group of conditions, nested groups (up to the engine's depth limit) and advanced expressions.
import { castDraft, type Draft } from "immer";
import { MAX_GROUP_DEPTH, isExpression, isGroup, type Condition, type ConditionGroup, type Rule } from "../../../engine";
import { IssueList } from "../controls/IssueList";
import { RowActions } from "../controls/RowActions";
import { SelectField } from "../controls/SelectField";
import { moveItem, useRowKeys } from "../controls/useRowKeys";
import { useForm, useIssues, useMark } from "../context";
import { joinPath } from "../issues";
import { useT } from "../../../i18n/useT";
import { ConditionRow } from "./ConditionRow";
import { ExpressionRow } from "./ExpressionRow";
import { defaultField, newCondition } from "./values";

export type GroupUpdate = (recipe: (group: Draft<ConditionGroup>) => void, options?: { mark?: string }) => void;

export interface ConditionBuilderProps {
  readonly group: ConditionGroup;
  /** Config path of the group, e.g. "conditions" or "rules[0].when". */
  readonly path: string;
  readonly update: GroupUpdate;
  /** The group's title; nested groups are named "Group 2" etc. */
  readonly legend?: string;
  readonly depth?: number;
  /** Numbering prefix of nested rules ("2." inside rule 2). */
  readonly prefix?: string;
}

export function ConditionBuilder({ group, path, update, legend, depth = 1, prefix = "" }: ConditionBuilderProps) {
  const { t } = useT();
  const { fields, flow } = useForm();
  const rows = useRowKeys(group.rules.length);
  const { issues, describedBy, issueId } = useIssues(path);
  const typingMark = useMark(path);
  const count = group.rules.length;
  const firstField = defaultField(fields, flow.fields);

  const add = (rule: Rule) => {
    rows.inserted(count);
    update((g) => {
      g.rules.push(castDraft(rule));
    });
  };
  const remove = (i: number) => {
    rows.removed(i);
    update((g) => {
      g.rules.splice(i, 1);
    });
  };
  const move = (from: number, to: number) => {
    rows.moved(from, to);
    update((g) => {
      g.rules = castDraft(moveItem(g.rules as Rule[], from, to));
    });
  };
  const setRule = (i: number, rule: Rule, typing?: boolean) =>
    update(
      (g) => {
        g.rules[i] = castDraft(rule);
      },
      typing ? { mark: `${typingMark}[${i}]` } : undefined,
    );
  const nested =
    (i: number): GroupUpdate =>
    (recipe, options) =>
      update((g) => {
        const child = g.rules[i];
        if (child && "rules" in child) recipe(child as Draft<ConditionGroup>);
      }, options);

  return (
    <fieldset className={`lw-group lw-group--depth-${depth}`} aria-describedby={describedBy}>
      <legend className="lw-label">{legend ?? t("forms.cond.group", { n: prefix.replace(/\.$/, "") })}</legend>
      <SelectField
        label={t("forms.cond.match")}
        value={group.op}
        onChange={(op) =>
          update((g) => {
            g.op = op === "any" ? "any" : "all";
          })
        }
        options={[
          { value: "all", label: t("forms.cond.all") },
          { value: "any", label: t("forms.cond.any") },
        ]}
      />
      {count === 0 && <p className="lw-hint">{t(group.op === "all" ? "forms.cond.emptyAll" : "forms.cond.emptyAny")}</p>}
      <ol className="lw-rules">
        {group.rules.map((rule, i) => {
          const number = `${prefix}${i + 1}`;
          const at = joinPath(joinPath(path, "rules"), i);
          const name = isGroup(rule) ? t("forms.cond.group", { n: number }) : t("forms.cond.rule", { n: number });
          return (
            <li key={rows.keys[i]} className="lw-rule">
              {isGroup(rule) ? (
                <ConditionBuilder group={rule} path={at} update={nested(i)} depth={depth + 1} prefix={`${number}.`} />
              ) : isExpression(rule) ? (
                <ExpressionRow expr={rule.expr} number={number} path={at} onChange={(expr) => setRule(i, { ...rule, expr }, true)} />
              ) : (
                <ConditionRow cond={rule as Condition} number={number} path={at} onChange={(next, o) => setRule(i, next, o?.typing)} />
              )}
              <RowActions name={name} index={i} count={count} onMove={move} onDelete={remove} />
            </li>
          );
        })}
      </ol>
      <div className="lw-group-actions">
        <button type="button" className="lw-button" disabled={!firstField} onClick={() => firstField && add(newCondition(firstField))}>
          {t("forms.cond.addRule")}
        </button>
        <button
          type="button"
          className="lw-button"
          disabled={depth >= MAX_GROUP_DEPTH || !firstField}
          title={depth >= MAX_GROUP_DEPTH ? t("forms.cond.tooDeep", { max: MAX_GROUP_DEPTH }) : undefined}
          onClick={() => firstField && add({ op: "all", rules: [newCondition(firstField)] })}
        >
          {t("forms.cond.addGroup")}
        </button>
        <button type="button" className="lw-button" onClick={() => add({ expr: "" })}>
          {t("forms.cond.addExpression")}
        </button>
      </div>
      <IssueList id={issueId} issues={issues} />
    </fieldset>
  );
}
