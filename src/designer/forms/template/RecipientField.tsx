// Who a message goes to: the lead's owner, the owner's team, or an address typed for the channel ("An address" stays chosen
// while its box is still empty; the document keeps the previous recipient until one is typed).
import { useState } from "react";
import { RadioGroup } from "../controls/RadioGroup";
import { TextField } from "../controls/TextField";
import { useT } from "../../../i18n/useT";
import type { Channel } from "../../../../nodes/notify/schema";

type Recipient = "owner" | "team" | "address";

export function RecipientField({
  to,
  channel,
  path,
  addressLabel,
  onChange,
}: {
  /** "owner", "team" or an address. */
  to: string;
  channel: Channel;
  /** Config path of `to` (its issues show here). */
  path: string;
  /** The third choice's text (default "An address"). */
  addressLabel?: string;
  /** `typing`: a keystroke in the address box. */
  onChange: (to: string, typing: boolean) => void;
}) {
  const { t } = useT();
  const stored: Recipient = to === "owner" || to === "team" ? to : "address";
  const [recipient, setRecipient] = useState<Recipient>(stored);
  const shown: Recipient = stored === "address" || recipient === "address" ? "address" : stored;
  const choose = (r: Recipient) => {
    setRecipient(r);
    if (r !== "address") onChange(r, false);
  };
  return (
    <RadioGroup
      legend={t("forms.notify.to")}
      value={shown}
      path={path}
      onChange={choose}
      options={[
        { value: "owner", label: t("forms.notify.owner") },
        { value: "team", label: t("forms.notify.team") },
        { value: "address", label: addressLabel ?? t("forms.notify.address") },
      ]}
    >
      {shown === "address" && (
        <TextField
          label={t(`forms.notify.addressOf.${channel}`)}
          value={stored === "address" ? to : ""}
          required
          refuse={(v) => (v.trim() === "owner" || v.trim() === "team" ? t("forms.notify.reserved") : null)}
          onChange={(v) => onChange(v, true)}
        />
      )}
    </RadioGroup>
  );
}
