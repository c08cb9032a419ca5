// The notify node's form: channel, recipient (owner, team or an address) and the message with variable chips and a live preview.
import { SelectField } from "../../src/designer/forms/controls/SelectField";
import { InspectorFrame, useGuardedUpdate } from "../../src/designer/forms/InspectorFrame";
import { RecipientField } from "../../src/designer/forms/template/RecipientField";
import { TemplateEditor } from "../../src/designer/forms/template/TemplateEditor";
import { useT } from "../../src/i18n/useT";
import type { InspectorProps } from "../../src/designer/forms/node-ui";
import { CHANNELS, notifyConfigSchema, type Channel } from "./schema";

export default function NotifyInspector(props: InspectorProps<"notify">) {
  const { t } = useT();
  const update = useGuardedUpdate(props, notifyConfigSchema);
  const config = props.node.config;
  const mark = (what: string) => ({ mark: `${props.node.id}:${what}` });
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
      <RecipientField
        to={config.to}
        channel={config.channel}
        path="to"
        onChange={(to, typing) =>
          update(
            (c) => {
              c.to = to;
            },
            typing ? mark("to") : undefined,
          )
        }
      />
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
