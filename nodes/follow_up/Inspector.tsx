// The follow-up's form (minimal for now): the deadline in minutes, hours or days and the clock it runs on.
import { NumberField } from "../../src/designer/forms/controls/NumberField";
import { SelectField } from "../../src/designer/forms/controls/SelectField";
import { InspectorFrame, useGuardedUpdate } from "../../src/designer/forms/InspectorFrame";
import type { InspectorProps } from "../../src/designer/forms/node-ui";
import { useT } from "../../src/i18n/useT";
import { CLOCKS, followUpConfigSchema, type FollowUpClock } from "./schema";

const UNITS = ["minutes", "hours", "days"] as const;
type Unit = (typeof UNITS)[number];

export default function FollowUpInspector(props: InspectorProps<"follow_up">) {
  const { te } = useT();
  const update = useGuardedUpdate(props, followUpConfigSchema);
  const { within, clock = "working_hours" } = props.node.config;
  const unit: Unit = within.days !== undefined ? "days" : within.hours !== undefined ? "hours" : "minutes";
  const amount = within[unit] ?? 0;
  return (
    <InspectorFrame inspector={props} claims={["within", "clock"]}>
      <div className="lw-row">
        <NumberField
          label={te("follow_up.form.within")}
          value={amount}
          min={0}
          required
          path="within"
          onChange={(v) =>
            typeof v === "number" &&
            update(
              (c) => {
                c.within = { [unit]: v };
              },
              { mark: `${props.node.id}:within` },
            )
          }
        />
        <SelectField
          label={te("follow_up.form.unit")}
          value={unit}
          path="within"
          options={UNITS.map((u) => ({ value: u, label: te(`follow_up.form.unit.${u}`) }))}
          onChange={(u) =>
            update((c) => {
              c.within = { [u]: amount };
            })
          }
        />
      </div>
      <SelectField
        label={te("follow_up.form.clock")}
        value={clock}
        path="clock"
        options={CLOCKS.map((k) => ({ value: k, label: te(`follow_up.form.clock.${k}`) }))}
        onChange={(k) =>
          update((c) => {
            c.clock = k as FollowUpClock;
          })
        }
      />
    </InspectorFrame>
  );
}
