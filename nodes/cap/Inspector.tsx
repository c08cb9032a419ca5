// The cap's form: the limit, the window it counts in, and whether it counts per owner or for the whole path (explained in a sentence each).
import { NumberField } from "../../src/designer/forms/controls/NumberField";
import { RadioGroup } from "../../src/designer/forms/controls/RadioGroup";
import { SelectField } from "../../src/designer/forms/controls/SelectField";
import { InspectorFrame, useGuardedUpdate } from "../../src/designer/forms/InspectorFrame";
import { useT } from "../../src/i18n/useT";
import type { InspectorProps } from "../../src/designer/forms/node-ui";
import { CAP_WINDOWS, capConfigSchema, type CapWindow } from "./schema";

/** Config paths this form shows issues beside. */
const CLAIMS = ["limit", "window", "scope"];

export default function CapInspector(props: InspectorProps<"cap">) {
  const { t, te } = useT();
  const update = useGuardedUpdate(props, capConfigSchema);
  const { limit, window, scope } = props.node.config;
  const per = (w: CapWindow) => (w === "total" ? t("forms.cap.inTotal") : t("forms.cap.perWindow", { window: te(`window.${w}`) }));
  const params = { limit, window: per(window) };
  return (
    <InspectorFrame inspector={props} claims={CLAIMS}>
      <div className="lw-row">
        <NumberField
          label={t("forms.cap.limit")}
          value={limit}
          integer
          min={0}
          required
          path="limit"
          onChange={(v) =>
            typeof v === "number" &&
            update(
              (c) => {
                c.limit = v;
              },
              { mark: `${props.node.id}:limit` },
            )
          }
        />
        <SelectField
          label={t("forms.cap.window")}
          value={window}
          path="window"
          options={CAP_WINDOWS.map((w) => ({ value: w, label: per(w) }))}
          onChange={(w) =>
            update((c) => {
              c.window = w as CapWindow;
            })
          }
        />
      </div>
      <RadioGroup
        legend={t("forms.cap.scope")}
        value={scope}
        path="scope"
        onChange={(s) =>
          update((c) => {
            c.scope = s;
          })
        }
        options={[
          { value: "owner", label: t("forms.cap.owner"), help: t("forms.cap.ownerHelp", params) },
          { value: "path", label: t("forms.cap.path"), help: t("forms.cap.pathHelp", params) },
        ]}
      />
    </InspectorFrame>
  );
}
