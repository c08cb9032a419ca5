// A member's working hours: weekdays as check boxes (Mon–Sun) and a start and end time; off means "any time".
import { useId } from "react";
import type { WorkingHours } from "../../../engine";
import { Toggle } from "../controls/Toggle";
import { useT } from "../../../i18n/useT";

export const DEFAULT_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" };
const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function WorkingHoursEditor({
  hours,
  onChange,
  who,
}: {
  hours: WorkingHours | undefined;
  onChange: (hours: WorkingHours | undefined, typing?: boolean) => void;
  who: string;
}) {
  const { t } = useT();
  const id = useId();
  const toggleDay = (day: number, on: boolean) => {
    if (!hours) return;
    const days = on ? [...new Set([...hours.days, day])].sort((a, b) => a - b) : hours.days.filter((d) => d !== day);
    onChange({ ...hours, days });
  };
  return (
    <fieldset className="lw-hours">
      <legend className="lw-label">{t("forms.hours.title", { who })}</legend>
      <Toggle
        label={t("forms.hours.limit")}
        checked={Boolean(hours)}
        hint={hours ? undefined : t("forms.hours.anyTime")}
        onChange={(on) => onChange(on ? DEFAULT_HOURS : undefined)}
      />
      {hours && (
        <>
          <div role="group" aria-label={t("forms.hours.days")} className="lw-days">
            {DAYS.map((d) => (
              <label key={d} className="lw-day">
                <input type="checkbox" checked={hours.days.includes(d)} onChange={(e) => toggleDay(d, e.target.checked)} />
                <span>{t(`forms.day.${d}`)}</span>
              </label>
            ))}
          </div>
          <div className="lw-times">
            <label htmlFor={`${id}-start`} className="lw-label">
              {t("forms.hours.start")}
            </label>
            <input
              id={`${id}-start`}
              type="time"
              className="lw-input"
              value={hours.start}
              onChange={(e) => e.target.value && onChange({ ...hours, start: e.target.value }, true)}
            />
            <label htmlFor={`${id}-end`} className="lw-label">
              {t("forms.hours.end")}
            </label>
            <input
              id={`${id}-end`}
              type="time"
              className="lw-input"
              value={hours.end}
              onChange={(e) => e.target.value && onChange({ ...hours, end: e.target.value }, true)}
            />
          </div>
        </>
      )}
    </fieldset>
  );
}
