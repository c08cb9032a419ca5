// A member's dated leave (holiday, sick leave, parental leave): ranges of first and last day, added and removed; nobody routes to
// them on those days and follow-up deadlines on the working-hours clock skip them.
import { useId } from "react";
import type { Member } from "../../../engine";
import { DateField } from "../controls/DateField";
import { useT } from "../../../i18n/useT";
import "./away.css";

type Away = NonNullable<Member["away"]>[number];

/** Today in the browser's calendar, as the first guess for a new leave. */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function AwayEditor({ away, who, onChange }: { away: readonly Away[]; who: string; onChange: (away: Away[]) => void }) {
  const { t } = useT();
  const titleId = useId();
  const set = (index: number, key: "from" | "to", date: string | undefined) => {
    if (!date) return; // an emptied box keeps the previous date: a leave always has both days
    onChange(away.map((a, i) => (i === index ? { ...a, [key]: date } : a)));
  };
  const add = () => {
    const last = away.at(-1);
    const day = last && last.to > today() ? last.to : today();
    onChange([...away, { from: day, to: day }]);
  };
  return (
    <fieldset className="lw-hours lw-away" aria-labelledby={titleId}>
      <legend id={titleId} className="lw-label">
        {t("forms.away.title", { who })}
      </legend>
      <p className="lw-hint">{t("forms.away.hint")}</p>
      {away.length === 0 && <p className="lw-hint">{t("forms.away.none")}</p>}
      <ol className="lw-away-list">
        {away.map((a, i) => {
          const n = i + 1;
          const reversed = a.to < a.from;
          return (
            <li key={i} className="lw-away-row">
              <DateField label={t("forms.away.from", { n })} value={a.from} onChange={(d) => set(i, "from", d)} />
              <DateField
                label={t("forms.away.to", { n })}
                value={a.to}
                local={reversed ? t("forms.away.reversed") : undefined}
                onChange={(d) => set(i, "to", d)}
              />
              <button
                type="button"
                className="lw-icon-button lw-danger"
                aria-label={t("forms.away.remove", { n, who })}
                title={t("forms.away.remove", { n, who })}
                onClick={() => onChange(away.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="lw-button lw-button--small" onClick={add}>
        {t("forms.away.add")}
      </button>
    </fieldset>
  );
}
