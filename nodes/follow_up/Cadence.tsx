// The follow-up cadence after the first contact (定期回访): steps added, removed and reordered, each with its own message on request.
import { useId, useState } from "react";
import type { Draft } from "immer";
import { useIssues } from "../../src/designer/forms/context";
import { IssueList } from "../../src/designer/forms/controls/IssueList";
import { RowActions } from "../../src/designer/forms/controls/RowActions";
import type { FieldDef, Flow } from "../../src/engine";
import { useT } from "../../src/i18n/useT";
import { DurationField } from "./DurationField";
import { useFollowUpList, type FollowUpListProps } from "./list.ui";
import { MessageFields } from "./MessageFields";
import type { CadenceStep, Duration } from "./schema";
import { MAX_CADENCE_STEPS } from "./validate";

/** The usual rhythm: days 1, 3, 7, 14, 30, then every 30 days after the last step. */
const RHYTHM = [1, 3, 7, 14, 30];
export function nextStepAfter(steps: readonly CadenceStep[]): Duration {
  const planned = RHYTHM[steps.length];
  if (planned !== undefined) return { days: planned };
  const last = steps.at(-1)?.after.days;
  return { days: (last ?? 30) + 30 };
}

function StepRow({
  step,
  index,
  count,
  flow,
  fields,
  edit,
  onMove,
  onDelete,
}: {
  step: CadenceStep;
  index: number;
  count: number;
  flow: Flow;
  fields: readonly FieldDef[];
  edit: (recipe: (s: Draft<CadenceStep>) => void, typing?: string) => void;
  onMove: (from: number, to: number) => void;
  onDelete: (index: number) => void;
}) {
  const { te } = useT();
  const custom = step.template !== undefined || step.subject !== undefined || step.to !== undefined || step.channel !== undefined;
  const [open, setOpen] = useState(false);
  const messageId = useId();
  const name = te("follow_up.form.stepN", { n: index + 1 });
  return (
    <li className="lw-fu-item">
      <fieldset className="lw-fieldset">
        <legend className="lw-label">{name}</legend>
        <div className="lw-fu-item-head">
          <DurationField
            label={te("follow_up.form.stepAfter")}
            value={step.after}
            path={`cadence[${index}].after`}
            onChange={(after, typing) =>
              edit(
                (s) => {
                  s.after = after;
                },
                typing ? "after" : undefined,
              )
            }
          />
          <RowActions name={name} index={index} count={count} onMove={onMove} onDelete={onDelete} />
        </div>
        <button
          type="button"
          className="lw-button lw-button--small"
          aria-expanded={open}
          aria-controls={messageId}
          onClick={() => setOpen(!open)}
        >
          {te(custom ? "follow_up.form.stepMessageOwn" : "follow_up.form.stepMessage", { n: index + 1 })}
        </button>
        {open && (
          <div id={messageId}>
            <MessageFields
              message={step}
              path={`cadence[${index}]`}
              defaults={{ subject: te("follow_up.default_task.subject"), template: te("follow_up.default_task") }}
              flow={flow}
              fields={fields}
              onChange={edit}
            />
          </div>
        )}
      </fieldset>
    </li>
  );
}

export function Cadence({ config, nodeId, flow, fields, update }: FollowUpListProps) {
  const { te } = useT();
  const titleId = useId();
  const fullId = useId();
  const list = useFollowUpList(config, "cadence", nodeId, update);
  const steps = list.items;
  const full = steps.length >= MAX_CADENCE_STEPS;
  const listIssues = useIssues("cadence");
  const add = () => {
    if (!full) list.add({ after: nextStepAfter(steps) });
  };
  return (
    <section className="lw-section" aria-labelledby={titleId}>
      <h4 id={titleId} className="lw-section-title">
        {te("follow_up.form.cadence")}
      </h4>
      <p className="lw-hint">{te("follow_up.form.cadenceHint")}</p>
      <IssueList id={listIssues.issueId} issues={listIssues.issues} />
      {steps.length === 0 && <p className="lw-hint">{te("follow_up.form.noSteps")}</p>}
      <ol className="lw-fu-list">
        {steps.map((s, i) => (
          <StepRow
            key={list.keys[i]}
            step={s}
            index={i}
            count={steps.length}
            flow={flow}
            fields={fields}
            edit={(recipe, typing) => list.edit(i, recipe, typing)}
            onMove={list.move}
            onDelete={list.remove}
          />
        ))}
      </ol>
      <button
        type="button"
        className="lw-button"
        onClick={add}
        disabled={full}
        aria-describedby={[full ? fullId : null, listIssues.describedBy].filter(Boolean).join(" ") || undefined}
      >
        {te("follow_up.form.addStep")}
      </button>
      {full && (
        <p id={fullId} className="lw-hint" role="status">
          {te("follow_up.form.maxSteps", { max: MAX_CADENCE_STEPS })}
        </p>
      )}
    </section>
  );
}
