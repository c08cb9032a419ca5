// A reminder's or follow-up task's message: channel, recipient and text, with the notify node's variable chips and live preview.
import type { Draft } from "immer";
import { SelectField } from "../../src/designer/forms/controls/SelectField";
import { RecipientField } from "../../src/designer/forms/template/RecipientField";
import { TemplateEditor } from "../../src/designer/forms/template/TemplateEditor";
import type { FieldDef, Flow } from "../../src/engine";
import { useT } from "../../src/i18n/useT";
import { CHANNELS, type Channel } from "../notify/schema";
import type { Reminder } from "./schema";

/** The message part of a reminder or a cadence step (both have the same fields). */
type Message = Pick<Reminder, "channel" | "to" | "subject" | "template">;

export function MessageFields({
  message,
  path,
  defaults,
  flow,
  fields,
  onChange,
}: {
  message: Message;
  /** Config path of the reminder or step ("remind[0]"). */
  path: string;
  /** The product's text sent when the message is left as it is (run language). */
  defaults: { subject: string; template: string };
  flow: Flow;
  fields: readonly FieldDef[];
  onChange: (recipe: (m: Draft<Message>) => void, typing?: string) => void;
}) {
  const { t, te } = useT();
  const channel = message.channel ?? "email";
  const to = message.to ?? "owner";
  return (
    <div className="lw-fu-message">
      <SelectField
        label={t("forms.notify.channel")}
        value={channel}
        path={`${path}.channel`}
        options={CHANNELS.map((ch) => ({ value: ch, label: t(`forms.channel.${ch}`) }))}
        onChange={(v) =>
          onChange((m) => {
            m.channel = v as Channel;
          })
        }
      />
      <RecipientField
        to={to}
        channel={channel}
        path={`${path}.to`}
        addressLabel={te("follow_up.form.manager")}
        onChange={(next, typing) =>
          onChange(
            (m) => {
              m.to = next;
            },
            typing ? "to" : undefined,
          )
        }
      />
      <TemplateEditor
        subject={message.subject ?? defaults.subject}
        template={message.template ?? defaults.template}
        path={path}
        flow={flow}
        fields={fields}
        showSubject={channel !== "sms"}
        onChange={(box, text, typing) =>
          onChange(
            (m) => {
              if (box === "template") m.template = text;
              else m.subject = text;
            },
            typing ? box : undefined,
          )
        }
      />
      {message.template === undefined && message.subject === undefined && <p className="lw-hint">{te("follow_up.form.standardText")}</p>}
    </div>
  );
}
