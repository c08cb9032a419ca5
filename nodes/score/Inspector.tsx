// The score's form: where the score goes, the base points, the rules table and the grade bands.
import { NumberField } from "../../src/designer/forms/controls/NumberField";
import { TextField } from "../../src/designer/forms/controls/TextField";
import { InspectorFrame, useGuardedUpdate } from "../../src/designer/forms/InspectorFrame";
import { GradeBands } from "./GradeBands";
import { ScoreRulesTable } from "./ScoreRulesTable";
import { SuggestScore } from "../../src/designer/forms/suggest/SuggestScore";
import { useT } from "../../src/i18n/useT";
import type { InspectorProps } from "../../src/designer/forms/node-ui";
import { scoreConfigSchema } from "./schema";

/** Config paths this form shows issues beside. */
const CLAIMS = ["field", "base", "rules", "grades"];

export default function ScoreInspector(props: InspectorProps<"score">) {
  const { t } = useT();
  const update = useGuardedUpdate(props, scoreConfigSchema);
  const config = props.node.config;
  const mark = (what: string) => ({ mark: `${props.node.id}:${what}` });
  return (
    <InspectorFrame inspector={props} claims={CLAIMS}>
      <div className="lw-row">
        <TextField
          label={t("forms.score.field")}
          value={config.field ?? ""}
          placeholder="score"
          hint={t("forms.score.fieldHint")}
          path="field"
          onChange={(v) =>
            update((c) => {
              if (v.trim() === "") delete c.field;
              else c.field = v;
            }, mark("field"))
          }
        />
        <NumberField
          label={t("forms.score.base")}
          value={config.base}
          placeholder="0"
          path="base"
          hint={t("forms.score.baseHint")}
          onChange={(v) =>
            update((c) => {
              if (typeof v === "number") c.base = v;
              else delete c.base;
            }, mark("base"))
          }
        />
      </div>
      <ScoreRulesTable rules={config.rules} update={update} />
      <SuggestScore node={props.node} flow={props.flow} updateFlow={props.updateFlow} lang={props.lang} />
      <GradeBands grades={config.grades} update={update} />
    </InspectorFrame>
  );
}
