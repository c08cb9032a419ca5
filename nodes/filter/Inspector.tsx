// The filter's form: one condition builder; leads that meet it leave by "pass", the others by "fail".
import { ConditionBuilder } from "../../src/designer/forms/conditions/ConditionBuilder";
import { InspectorFrame, useGuardedUpdate } from "../../src/designer/forms/InspectorFrame";
import { useT } from "../../src/i18n/useT";
import type { InspectorProps } from "../../src/designer/forms/node-ui";
import { filterConfigSchema } from "./schema";

/** Config paths this form shows issues beside. */
const CLAIMS = ["conditions"];

export default function FilterInspector(props: InspectorProps<"filter">) {
  const { t } = useT();
  const update = useGuardedUpdate(props, filterConfigSchema);
  return (
    <InspectorFrame inspector={props} claims={CLAIMS}>
      <ConditionBuilder
        group={props.node.config.conditions}
        path="conditions"
        legend={t("forms.filter.legend")}
        update={(recipe, options) => update((c) => recipe(c.conditions), options)}
      />
      <p className="lw-hint">{t("forms.filter.ports")}</p>
    </InspectorFrame>
  );
}
