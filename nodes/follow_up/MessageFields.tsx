// A reminder's or follow-up task's message: channel, recipient and text, with the notify node's variable chips and live preview.
import { useState } from "react";
import type { Draft } from "immer";
import { RadioGroup } from "../../src/designer/forms/controls/RadioGroup";
import { SelectField } from "../../src/designer/forms/controls/SelectField";
import { TextField } from "../../src/designer/forms/controls/TextField";
import { TemplateEditor } from "../../src/designer/forms/template/TemplateEditor";
import type { FieldDef, Flow } from "../../src/engine";
import { useT } from "../../src/i18n/useT";
import { CHANNELS, type Channel } from "../notify/schema";
import type { Reminder } from "./schema";

type Recipient = "owner" | "team" | "address";
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
  const stored: Recipient = to === "owner" || to === "team" ? to : "address";
  const [recipient, setRecipient] = useState<Recipient>(stored);
  const shown: Recipient = stored === "address" || recipient === "address" ? "address" : stored;
  const choose = (r: Recipient) => {
    setRecipient(r);
    if (r !== "address")
      onChange((m) => {
        m.to = r;
      });
  };
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
      <RadioGroup
        legend={t("forms.notify.to")}
        value={shown}
        path={`${path}.to`}
        onChange={choose}
        options={[
          { value: "owner", label: t("forms.notify.owner") },
          { value: "team", label: t("forms.notify.team") },
          { value: "address", label: te("follow_up.form.manager") },
        ]}
      >
        {shown === "address" && (
          <TextField
            label={t(`forms.notify.addressOf.${channel}`)}
            value={stored === "address" ? to : ""}
            required
            refuse={(v) => (v.trim() === "owner" || v.trim() === "team" ? t("forms.notify.reserved") : null)}
            onChange={(v) =>
              onChange((m) => {
                m.to = v;
              }, "to")
            }
          />
        )}
      </RadioGroup>
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
