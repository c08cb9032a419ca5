// Under the clock choice: whose working hours count (the members of the routes before this step), the time zone, the holidays,
// and a worked example of when a lead's first contact is due.
import { useId } from "react";
import { flowTimeZone, type Flow } from "../../src/engine";
import { holidaysOf } from "../../src/designer/flow/holidays";
import { useT } from "../../src/i18n/useT";
import { deadlineExample } from "./example.ui";
import { describeHours, teamsBefore } from "./owners.ui";
import { durationMinutes, type Duration, type FollowUpClock } from "./schema";

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

/** "Example: assigned to Ann Fri 27 Feb 17:50 → first contact due by Mon 2 Mar 09:05", on the node's clock. */
export function DeadlineExampleLine({
  flow,
  nodeId,
  within,
  clock,
}: {
  flow: Flow;
  nodeId: string;
  within: Duration;
  clock: FollowUpClock;
}) {
  const { te, lang } = useT();
  const member = teamsBefore(flow, nodeId)
    .flatMap((team) => team.members)
    .find((m) => m.active !== false);
  const { minutes, days } = durationMinutes(within);
  if (!member || !(minutes + days * 1440 > 0)) return null;
  const reference = Date.parse(flow.settings?.referenceTime ?? "");
  const { assigned, due } = deadlineExample(flow, member, within, clock, Number.isNaN(reference) ? Date.now() : reference);
  const format = new Intl.DateTimeFormat(lang === "zh-CN" ? "zh-CN" : "en-GB", {
    timeZone: flowTimeZone(flow),
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return (
    <p className="lw-hint lw-fu-example" data-testid="deadline-example">
      {te("follow_up.form.example", { who: member.name.trim() || member.id, assigned: format.format(assigned), due: format.format(due) })}
    </p>
  );
}
