// Under the clock choice: whose working hours count (the members of the routes before this step), the time zone and the holidays.
import { useId } from "react";
import { flowTimeZone, type Flow } from "../../src/engine";
import { holidaysOf } from "../../src/designer/flow/holidays";
import { useT } from "../../src/i18n/useT";
import { describeHours, teamsBefore } from "./owners.ui";

/** More members than this are summed up ("and 12 more"), so a big team does not push the rest of the form away. */
const SHOWN = 6;

export function ClockInfo({ flow, nodeId }: { flow: Flow; nodeId: string }) {
  const { t, te } = useT();
  const titleId = useId();
  const teams = teamsBefore(flow, nodeId);
  const members = teams.flatMap((team) => team.members.filter((m) => m.active !== false));
  const holidays = holidaysOf(flow.settings).map((h) => (h.name ? `${h.date} ${h.name}` : h.date));
  const dayName = (d: number) => t(`forms.day.${d}` as Parameters<typeof t>[0]);
  return (
    <section className="lw-fu-clock" aria-labelledby={titleId}>
      <h5 id={titleId} className="lw-label">
        {te("follow_up.form.hours.title", { zone: flowTimeZone(flow) })}
      </h5>
      {members.length === 0 ? (
        <p className="lw-hint">{te("follow_up.form.hours.noRoute")}</p>
      ) : (
        <ul className="lw-fu-hours" aria-labelledby={titleId}>
          {members.slice(0, SHOWN).map((m) => {
            const away = (m.away ?? []).length;
            return (
              <li key={`${m.id}`}>
                <strong>{m.name.trim() || m.id}</strong>
                {": "}
                {m.workingHours && m.workingHours.days.length > 0
                  ? describeHours(m.workingHours, dayName)
                  : te("follow_up.form.hours.anyTime")}
                {away > 0 && ` · ${te("follow_up.form.hours.away", { count: away })}`}
              </li>
            );
          })}
          {members.length > SHOWN && <li>{te("follow_up.form.hours.more", { count: members.length - SHOWN })}</li>}
        </ul>
      )}
      <p className="lw-hint">
        {holidays.length > 0
          ? te("follow_up.form.holidays", { dates: holidays.join(te("follow_up.form.separator")) })
          : te("follow_up.form.holidaysNone")}
      </p>
    </section>
  );
}
