// The reminders while a lead waits for its first contact: when each is sent, to whom, on which channel and with which text.
import { useId } from "react";
import type { Draft } from "immer";
import { RowActions } from "../../src/designer/forms/controls/RowActions";
import { useRowKeys } from "../../src/designer/forms/controls/useRowKeys";
import type { ConfigUpdate } from "../../src/designer/forms/InspectorFrame";
import type { FieldDef, Flow } from "../../src/engine";
import { useT } from "../../src/i18n/useT";
import { DurationField } from "./DurationField";
import { MessageFields } from "./MessageFields";
import { durationMinutes, type Duration, type FollowUpConfig, type Reminder } from "./schema";

/** A new reminder comes at two thirds of the deadline (a day counted as 24 hours), in whole minutes or hours. */
export function reminderAfter(within: Duration): Duration {
  const { minutes, days } = durationMinutes(within);
  const at = Math.max(1, Math.round(((minutes + days * 1440) * 2) / 3));
  return at % 60 === 0 ? { hours: at / 60 } : { minutes: at };
}

export function Reminders({
  config,
  nodeId,
  flow,
  fields,
  update,
}: {
  config: FollowUpConfig;
  nodeId: string;
  flow: Flow;
  fields: readonly FieldDef[];
  update: ConfigUpdate<"follow_up">;
}) {
  const { te } = useT();
  const titleId = useId();
  const reminders = config.remind ?? [];
  const rows = useRowKeys(reminders.length);
  const edit = (index: number, recipe: (r: Draft<Reminder>) => void, typing?: string) =>
    update(
      (c) => {
        const r = c.remind?.[index];
        if (r) recipe(r);
      },
      typing ? { mark: `${nodeId}:remind:${index}:${typing}` } : undefined,
    );
  const add = () => {
    rows.inserted(reminders.length);
    update((c) => {
      (c.remind ??= []).push({ after: reminderAfter(config.within), channel: "email", to: "owner" });
    });
  };
  const remove = (index: number) => {
    rows.removed(index);
    update((c) => {
      c.remind?.splice(index, 1);
    });
  };
  const move = (from: number, to: number) => {
    rows.moved(from, to);
    update((c) => {
      const list = c.remind ?? [];
      const [item] = list.splice(from, 1);
      if (item) list.splice(to, 0, item);
    });
  };
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
            <li key={rows.keys[i]} className="lw-fu-item">
              <fieldset className="lw-fieldset">
                <legend className="lw-label">{name}</legend>
                <div className="lw-fu-item-head">
                  <DurationField
                    label={te("follow_up.form.remindAfter")}
                    value={r.after}
                    path={`remind[${i}].after`}
                    onChange={(after, typing) =>
                      edit(
                        i,
                        (x) => {
                          x.after = after;
                        },
                        typing ? "after" : undefined,
                      )
                    }
                  />
                  <RowActions name={name} index={i} count={reminders.length} onMove={move} onDelete={remove} />
                </div>
                <MessageFields
                  message={r}
                  path={`remind[${i}]`}
                  defaults={{ subject: te("follow_up.default_reminder.subject"), template: te("follow_up.default_reminder") }}
                  flow={flow}
                  fields={fields}
                  onChange={(recipe, typing) => edit(i, recipe, typing)}
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
