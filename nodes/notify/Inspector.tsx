// The notify node's form: channel, recipient (owner, team or an address) and the message with variable chips and a live preview.
import { useState } from "react";
import { RadioGroup } from "../../src/designer/forms/controls/RadioGroup";
import { SelectField } from "../../src/designer/forms/controls/SelectField";
import { TextField } from "../../src/designer/forms/controls/TextField";
import { InspectorFrame, useGuardedUpdate } from "../../src/designer/forms/InspectorFrame";
import { TemplateEditor } from "../../src/designer/forms/template/TemplateEditor";
import { useT } from "../../src/i18n/useT";
import type { InspectorProps } from "../../src/designer/forms/node-ui";
import { CHANNELS, notifyConfigSchema, type Channel } from "./schema";

type Recipient = "owner" | "team" | "address";

export default function NotifyInspector(props: InspectorProps<"notify">) {
  const { t } = useT();
  const update = useGuardedUpdate(props, notifyConfigSchema);
  const config = props.node.config;
  const stored: Recipient = config.to === "owner" || config.to === "team" ? config.to : "address";
  // "An address" stays chosen while its box is still empty (the document keeps the previous recipient until one is typed).
  const [recipient, setRecipient] = useState<Recipient>(stored);
  const shown: Recipient = stored === "address" || recipient === "address" ? "address" : stored;
  const mark = (what: string) => ({ mark: `${props.node.id}:${what}` });
  const choose = (r: Recipient) => {
    setRecipient(r);
    if (r !== "address")
      update((c) => {
        c.to = r;
      });
  };
  return (
    <InspectorFrame
      inspector={props}
      claims={config.channel === "sms" ? ["channel", "to", "template"] : ["channel", "to", "template", "subject"]}
    >
      <SelectField
        label={t("forms.notify.channel")}
        value={config.channel}
        path="channel"
        options={CHANNELS.map((ch) => ({ value: ch, label: t(`forms.channel.${ch}`) }))}
        onChange={(v) =>
          update((c) => {
            c.channel = v as Channel;
          })
        }
      />
      <RadioGroup
        legend={t("forms.notify.to")}
        value={shown}
        path="to"
        onChange={choose}
        options={[
          { value: "owner", label: t("forms.notify.owner") },
          { value: "team", label: t("forms.notify.team") },
          { value: "address", label: t("forms.notify.address") },
        ]}
      >
        {shown === "address" && (
          <TextField
            label={t(`forms.notify.addressOf.${config.channel}`)}
            value={stored === "address" ? config.to : ""}
            required
            refuse={(v) => (v.trim() === "owner" || v.trim() === "team" ? t("forms.notify.reserved") : null)}
            onChange={(v) =>
              update((c) => {
                c.to = v;
              }, mark("to"))
            }
          />
        )}
      </RadioGroup>
      <TemplateEditor
        subject={config.subject ?? ""}
        template={config.template}
        flow={props.flow}
        fields={props.fields}
        showSubject={config.channel !== "sms"}
        onChange={(box, text, typing) =>
          update(
            (c) => {
              if (box === "template") c.template = text;
              else if (text === "") delete c.subject;
              else c.subject = text;
            },
            typing ? mark(box) : undefined,
          )
        }
      />
    </InspectorFrame>
  );
}
