// The reminders while a lead waits for its first contact: when each is sent, to whom, on which channel and with which text.
import { useId } from "react";
import { RowActions } from "../../src/designer/forms/controls/RowActions";
import { useT } from "../../src/i18n/useT";
import { DurationField } from "./DurationField";
import { useFollowUpList, type FollowUpListProps } from "./list.ui";
import { MessageFields } from "./MessageFields";
import { durationMinutes, type Duration } from "./schema";

/** A new reminder comes at two thirds of the deadline (a day counted as 24 hours), in whole minutes or hours. */
export function reminderAfter(within: Duration): Duration {
  const { minutes, days } = durationMinutes(within);
  const at = Math.max(1, Math.round(((minutes + days * 1440) * 2) / 3));
  return at % 60 === 0 ? { hours: at / 60 } : { minutes: at };
}

export function Reminders({ config, nodeId, flow, fields, update }: FollowUpListProps) {
  const { te } = useT();
  const titleId = useId();
  const list = useFollowUpList(config, "remind", nodeId, update);
  const reminders = list.items;
  const add = () => list.add({ after: reminderAfter(config.within), channel: "email", to: "owner" });
  return (
    <section className="lw-section" aria-labelledby={titleId}>
      <h4 id={titleId} className="lw-section-title">
        {te("follow_up.form.reminders")}
      </h4>
      <p className="lw-hint">{te("follow_up.form.remindersHint")}</p>
      {reminders.length === 0 && <p className="lw-hint">{te("follow_up.form.noReminders")}</p>}
      <ol className="lw-fu-list">
        {reminders.map((r, i) => {
          const name = te("follow_up.form.reminderN", { n: i + 1 });
          return (
            <li key={list.keys[i]} className="lw-fu-item">
              <fieldset className="lw-fieldset">
                <legend className="lw-label">{name}</legend>
                <div className="lw-fu-item-head">
                  <DurationField
                    label={te("follow_up.form.remindAfter")}
                    value={r.after}
                    path={`remind[${i}].after`}
                    onChange={(after, typing) =>
                      list.edit(
                        i,
                        (x) => {
                          x.after = after;
                        },
                        typing ? "after" : undefined,
                      )
                    }
                  />
                  <RowActions name={name} index={i} count={reminders.length} onMove={list.move} onDelete={list.remove} />
                </div>
                <MessageFields
                  message={r}
                  path={`remind[${i}]`}
                  defaults={{ subject: te("follow_up.default_reminder.subject"), template: te("follow_up.default_reminder") }}
                  flow={flow}
                  fields={fields}
                  onChange={(recipe, typing) => list.edit(i, recipe, typing)}
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="lw-button" onClick={add}>
        {te("follow_up.form.addReminder")}
      </button>
    </section>
  );
}
