// The follow-up's form: the first-contact deadline and its clock (with the working hours and holidays it counts), reminders
// while the lead waits, the follow-up cadence after the first contact, and what happens when the deadline is met, missed or
// the lead is rejected.
import { useId } from "react";
import { RadioGroup } from "../../src/designer/forms/controls/RadioGroup";
import { InspectorFrame, useGuardedUpdate } from "../../src/designer/forms/InspectorFrame";
import type { InspectorProps } from "../../src/designer/forms/node-ui";
import { useT } from "../../src/i18n/useT";
import { Cadence } from "./Cadence";
import { ClockInfo, DeadlineExampleLine } from "./ClockInfo";
import { DurationField } from "./DurationField";
import { Outcomes } from "./Outcomes";
import { Reminders } from "./Reminders";
import { CLOCKS, followUpConfigSchema, type FollowUpClock } from "./schema";
import "./follow-up.css";

export default function FollowUpInspector(props: InspectorProps<"follow_up">) {
  const { te } = useT();
  const update = useGuardedUpdate(props, followUpConfigSchema);
  const titleId = useId();
  const { node, flow, fields } = props;
  const config = node.config;
  const clock = config.clock ?? "working_hours";
  return (
    <InspectorFrame inspector={props} claims={["within", "clock", "remind", "cadence"]}>
      <section className="lw-section" aria-labelledby={titleId}>
        <h4 id={titleId} className="lw-section-title">
          {te("follow_up.form.deadline")}
        </h4>
        <p className="lw-hint">{te("follow_up.form.withinHint")}</p>
        <DurationField
          label={te("follow_up.form.within")}
          value={config.within}
          path="within"
          onChange={(within, typing) =>
            update(
              (c) => {
                c.within = within;
              },
              typing ? { mark: `${node.id}:within` } : undefined,
            )
          }
        />
        <RadioGroup
          legend={te("follow_up.form.clock")}
          value={clock}
          path="clock"
          options={CLOCKS.map((k) => ({ value: k, label: te(`follow_up.form.clock.${k}`), help: te(`follow_up.form.clockHint.${k}`) }))}
          onChange={(k: FollowUpClock) =>
            update((c) => {
              c.clock = k;
            })
          }
        />
        {clock === "working_hours" && <ClockInfo flow={flow} nodeId={node.id} />}
        <DeadlineExampleLine flow={flow} nodeId={node.id} within={config.within} clock={clock} />
      </section>
      <Reminders config={config} nodeId={node.id} flow={flow} fields={fields} update={update} />
      <Cadence config={config} nodeId={node.id} flow={flow} fields={fields} update={update} />
      <Outcomes flow={flow} nodeId={node.id} />
    </InspectorFrame>
  );
}
