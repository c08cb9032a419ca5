// The flow's settings beside its lead fields: the time zone working hours are read in, and the holidays (nobody's working day):
// one by one with an optional name, or pasted as a list.
import { useId, useMemo, useState } from "react";
import { flowTimeZone } from "../../engine";
import { useT } from "../../i18n/useT";
import { useDesignerStore } from "../store/context";
import { useStableFlow } from "../store/useStableFlow";
import { holidaysOf, parseHolidayList, writeHolidays, type Holiday } from "./holidays";
import "./flow-settings.css";

function zones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", current, ...known])];
}

/** The day after the last holiday (or today): a new row rarely repeats a date. */
function nextDate(list: readonly Holiday[]): string {
  const last = list.at(-1)?.date;
  const base = last ? new Date(`${last}T00:00:00Z`) : new Date();
  if (last) base.setUTCDate(base.getUTCDate() + 1);
  return base.toISOString().slice(0, 10);
}

export function FlowSettings() {
  const store = useDesignerStore();
  const { t } = useT();
  const flow = useStableFlow();
  const id = useId();
  const zone = flowTimeZone(flow);
  const zoneList = useMemo(() => zones(zone), [zone]);
  const holidays = holidaysOf(flow.settings);
  const [paste, setPaste] = useState("");
  const [report, setReport] = useState<string | null>(null);

  const change = (recipe: (settings: NonNullable<typeof flow.settings>) => void, mark?: string) =>
    store.getState().change(
      (d) => {
        d.settings ??= {};
        recipe(d.settings);
      },
      { history: "record", ...(mark ? { mark } : {}) },
    );
  const setHolidays = (list: Holiday[], mark?: string) => change((s) => writeHolidays(s, list), mark);
  const edit = (index: number, patch: Partial<Holiday>, mark?: string) =>
    setHolidays(
      holidays.map((h, i) => (i === index ? { ...h, ...patch } : h)),
      mark,
    );
  const addPasted = () => {
    const { holidays: read, unread } = parseHolidayList(paste);
    const known = new Set(holidays.map((h) => h.date));
    const added = read.filter((h) => !known.has(h.date)).length;
    if (read.length > 0) setHolidays([...holidays, ...read]);
    setReport(
      [
        t("settings.holidays.pasted", { added, known: read.length - added }),
        unread.length > 0 ? t("settings.holidays.unread", { lines: unread.map((l) => `“${l}”`).join(", ") }) : "",
      ]
        .filter(Boolean)
        .join(" "),
    );
    if (unread.length === 0) setPaste("");
  };

  return (
    <section aria-labelledby={`${id}-title`} className="lw-flow-settings">
      <h3 id={`${id}-title`} className="lw-subtitle">
        {t("settings.title")}
      </h3>
      <div className="lw-prop">
        <label htmlFor={`${id}-zone`}>{t("settings.timezone")}</label>
        <select
          id={`${id}-zone`}
          value={zone}
          aria-describedby={`${id}-zone-hint`}
          onChange={(e) =>
            change((s) => {
              s.timezone = e.target.value;
            })
          }
        >
          {zoneList.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <p id={`${id}-zone-hint`} className="lw-note">
          {t("settings.timezoneHint")}
        </p>
      </div>
      <section aria-labelledby={`${id}-holidays`}>
        <h4 id={`${id}-holidays`} className="lw-settings-subtitle">
          {t("settings.holidays")}
        </h4>
        <p className="lw-note">{t("settings.holidaysHint")}</p>
        {holidays.length === 0 && <p className="lw-note">{t("settings.holidays.none")}</p>}
        <ol className="lw-holidays">
          {holidays.map((h, i) => (
            // Keyed by position: a date box being typed into keeps its focus while the list re-sorts.
            <li key={i} className="lw-holiday">
              <div className="lw-prop">
                <label htmlFor={`${id}-d${i}`}>{t("settings.holidays.date", { n: i + 1 })}</label>
                <input
                  id={`${id}-d${i}`}
                  type="date"
                  value={h.date}
                  onChange={(e) => e.target.value && edit(i, { date: e.target.value })}
                />
              </div>
              <div className="lw-prop">
                <label htmlFor={`${id}-n${i}`}>{t("settings.holidays.name", { n: i + 1 })}</label>
                <input
                  id={`${id}-n${i}`}
                  type="text"
                  value={h.name}
                  placeholder={t("settings.holidays.namePlaceholder")}
                  onChange={(e) => edit(i, { name: e.target.value }, `holiday:${h.date}:name`)}
                  onBlur={() => store.getState().sealHistory()}
                />
              </div>
              <button
                type="button"
                className="lw-tool lw-remove"
                aria-label={t("settings.holidays.remove", { date: h.date })}
                title={t("settings.holidays.remove", { date: h.date })}
                onClick={() => setHolidays(holidays.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="lw-cmd" onClick={() => setHolidays([...holidays, { date: nextDate(holidays), name: "" }])}>
          {t("settings.holidays.add")}
        </button>
        <div className="lw-prop">
          <label htmlFor={`${id}-paste`}>{t("settings.holidays.paste")}</label>
          <textarea
            id={`${id}-paste`}
            rows={3}
            value={paste}
            placeholder={"2026-12-25 Christmas Day\n2027-01-01 New Year"}
            aria-describedby={`${id}-paste-hint`}
            onChange={(e) => setPaste(e.target.value)}
          />
          <p id={`${id}-paste-hint`} className="lw-note">
            {t("settings.holidays.pasteHint")}
          </p>
        </div>
        <button type="button" className="lw-cmd" disabled={paste.trim() === ""} onClick={addPasted}>
          {t("settings.holidays.addPasted")}
        </button>
        {report && (
          <p className="lw-note" role="status">
            {report}
          </p>
        )}
      </section>
    </section>
  );
}
