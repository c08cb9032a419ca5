// The trigger's form: which lead sources enter here (chips; none = any) and optional extra conditions.
import { ConditionBuilder } from "../../src/designer/forms/conditions/ConditionBuilder";
import { ChipList } from "../../src/designer/forms/controls/ChipList";
import { Toggle } from "../../src/designer/forms/controls/Toggle";
import { InspectorFrame, useGuardedUpdate } from "../../src/designer/forms/InspectorFrame";
import { useT } from "../../src/i18n/useT";
import type { InspectorProps } from "../../src/designer/forms/node-ui";
import { triggerConfigSchema } from "./schema";

/** Config paths this form shows issues beside. */
const CLAIMS = ["sources", "when"];

export default function TriggerInspector(props: InspectorProps<"trigger">) {
  const { t } = useT();
  const update = useGuardedUpdate(props, triggerConfigSchema);
  const config = props.node.config;
  const sourceOptions = props.fields.find((f) => f.key === "source")?.options ?? [];
  return (
    <InspectorFrame inspector={props} claims={CLAIMS}>
      <ChipList
        label={t("forms.trigger.sources")}
        values={config.sources ?? []}
        suggestions={sourceOptions}
        path="sources"
        hint={t("forms.trigger.sourcesHint")}
        placeholder={t("forms.trigger.sourcesPlaceholder")}
        onChange={(sources) =>
          update((c) => {
            c.sources = sources;
          })
        }
      />
      <Toggle
        label={t("forms.trigger.when")}
        checked={Boolean(config.when)}
        hint={t("forms.trigger.whenHint")}
        onChange={(on) =>
          update((c) => {
            if (on) c.when = { op: "all", rules: [] };
            else delete c.when;
          })
        }
      />
      {config.when && (
        <ConditionBuilder
          group={config.when}
          path="when"
          legend={t("forms.trigger.whenLegend")}
          update={(recipe, options) =>
            update((c) => {
              if (c.when) recipe(c.when);
            }, options)
          }
        />
      )}
    </InspectorFrame>
  );
}
