// The score rules as a table: label, condition (edited inline), fixed or per-unit points, cap; add, reorder, delete.
import { useId } from "react";
import { castDraft } from "immer";
import type { ScoreRule } from "./schema";
import { RowActions } from "../../src/designer/forms/controls/RowActions";
import { moveItem, useRowKeys } from "../../src/designer/forms/controls/useRowKeys";
import { useT } from "../../src/i18n/useT";
import { ScoreRuleRow } from "./ScoreRuleRow";
import type { ScoreUpdate } from "./update.ui";

export function ScoreRulesTable({ rules, update }: { rules: readonly ScoreRule[]; update: ScoreUpdate }) {
  const { t } = useT();
  const titleId = useId();
  const rows = useRowKeys(rules.length);
  const add = () => {
    rows.inserted(rules.length);
    update((c) => {
      c.rules.push({ label: "", points: 10 });
    });
  };
  const remove = (i: number) => {
    rows.removed(i);
    update((c) => {
      c.rules.splice(i, 1);
    });
  };
  const move = (from: number, to: number) => {
    rows.moved(from, to);
    update((c) => {
      c.rules = castDraft(moveItem(c.rules as ScoreRule[], from, to));
    });
  };
  return (
    <section className="lw-section" aria-labelledby={titleId}>
      <h4 id={titleId} className="lw-section-title">
        {t("forms.score.rules")}
      </h4>
      {rules.length === 0 ? (
        <p className="lw-hint">{t("forms.score.noRules")}</p>
      ) : (
        <div className="lw-table-scroll">
          <table className="lw-table lw-score-table">
            <thead>
              <tr>
                <th scope="col">{t("forms.score.label")}</th>
                <th scope="col">{t("forms.score.when")}</th>
                <th scope="col">{t("forms.score.per")}</th>
                <th scope="col">{t("forms.score.points")}</th>
                <th scope="col">{t("forms.score.max")}</th>
                <th scope="col">
                  <span className="lw-sr-only">{t("forms.actions")}</span>
                </th>
              </tr>
            </thead>
            {rules.map((rule, i) => (
              <ScoreRuleRow
                key={rows.keys[i]}
                rule={rule}
                index={i}
                update={update}
                actions={
                  <RowActions
                    name={t("forms.score.ruleName", { n: i + 1 })}
                    index={i}
                    count={rules.length}
                    onMove={move}
                    onDelete={remove}
                  />
                }
              />
            ))}
          </table>
        </div>
      )}
      <button type="button" className="lw-button" onClick={add}>
        {t("forms.score.addRule")}
      </button>
    </section>
  );
}
