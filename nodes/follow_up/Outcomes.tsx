// "What happens next": each way out of the follow-up in words, and where it is connected on the canvas.
import { useId } from "react";
import type { Flow } from "../../src/engine";
import { useT } from "../../src/i18n/useT";
import { targetsOf } from "./owners.ui";
import { followUpPorts } from "./schema";

export function Outcomes({ flow, nodeId }: { flow: Flow; nodeId: string }) {
  const { te } = useT();
  const titleId = useId();
  return (
    <section className="lw-section" aria-labelledby={titleId}>
      <h4 id={titleId} className="lw-section-title">
        {te("follow_up.form.outcomes")}
      </h4>
      <dl className="lw-fu-outcomes">
        {followUpPorts.out.map((port) => {
          // A node is named as on its card: its label, else its type.
          const targets = targetsOf(flow, nodeId, port).map((n) => n.label?.trim() || te(`node.${n.type}.name`));
          const where =
            targets.length > 0
              ? te("follow_up.form.goesTo", { targets: targets.join(te("follow_up.form.separator")) })
              : port === "rejected"
                ? te("follow_up.form.rejectedUnwired")
                : te("follow_up.form.goesNowhere");
          return (
            <div key={port} className={`lw-fu-outcome lw-fu-outcome--${port}`} data-port={port}>
              <dt>{te(`follow_up.form.port.${port}`)}</dt>
              <dd>
                {te(`follow_up.form.port.${port}.help`)}{" "}
                <span className={targets.length === 0 && port === "breached" ? "lw-fu-unwired" : undefined}>{where}</span>
              </dd>
            </div>
          );
        })}
      </dl>
      <p className="lw-hint">{te("follow_up.form.endsHint")}</p>
    </section>
  );
}
