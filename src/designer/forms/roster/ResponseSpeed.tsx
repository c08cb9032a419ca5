// How fast a member usually makes the first contact (median working minutes and spread): the simulation draws response times
// from it; the sentence below says what the two numbers mean in practice.
import type { Member } from "../../../engine";
import { NumberField } from "../controls/NumberField";
import { useT } from "../../../i18n/useT";
import type { MemberEdit } from "./actions";

/** The format's default spread (log-normal sigma) when a member has none. */
export const DEFAULT_SPREAD = 0.5;
/** z of the 90th percentile of a normal distribution: 9 in 10 draws of a log-normal fall under median · e^(1.2816σ). */
const Z90 = 1.2816;

export function ninetyPercentMinutes(median: number, spread: number): number {
  return Math.round(median * Math.exp(Z90 * spread));
}

export function ResponseSpeed({ member, who, edit }: { member: Member; who: string; edit: MemberEdit }) {
  const { t } = useT();
  const median = member.responseMinutes;
  const spread = member.responseSpread ?? DEFAULT_SPREAD;
  return (
    <fieldset className="lw-hours lw-response">
      <legend className="lw-label">{t("forms.response.title", { who })}</legend>
      <NumberField
        label={t("forms.response.median")}
        value={median}
        positive
        placeholder={t("forms.response.notSet")}
        hint={t("forms.response.medianHint")}
        onChange={(v) =>
          edit((m) => {
            if (typeof v === "number") m.responseMinutes = v;
            else delete m.responseMinutes;
          }, "responseMinutes")
        }
      />
      <NumberField
        label={t("forms.response.spread")}
        value={member.responseSpread}
        min={0}
        placeholder={String(DEFAULT_SPREAD)}
        hint={t("forms.response.spreadHint")}
        onChange={(v) =>
          edit((m) => {
            if (typeof v === "number") m.responseSpread = v;
            else delete m.responseSpread;
          }, "responseSpread")
        }
      />
      <p className="lw-hint" aria-live="polite">
        {median !== undefined
          ? t("forms.response.meaning", { median, p90: ninetyPercentMinutes(median, spread) })
          : t("forms.response.unset")}
      </p>
    </fieldset>
  );
}
