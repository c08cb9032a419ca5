// A field's options as chips that are switched on and off (one or several); chosen values outside the options stay visible.
import { useIssues } from "../context";
import { useT } from "../../../i18n/useT";
import { IssueList } from "./IssueList";

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function ToggleChips({
  label,
  options,
  selected,
  multiple,
  onChange,
  path,
}: {
  label: string;
  options: readonly string[];
  selected: readonly string[];
  multiple: boolean;
  onChange: (selected: string[]) => void;
  path?: string | undefined;
}) {
  const { t } = useT();
  const { issues, describedBy, issueId } = useIssues(path);
  const strays = selected.filter((s) => !options.some((o) => same(o, s)));
  const toggle = (option: string) => {
    const on = selected.some((s) => same(s, option));
    if (multiple) onChange(on ? selected.filter((s) => !same(s, option)) : [...selected, option]);
    else onChange(on ? [] : [option]);
  };
  return (
    <div className="lw-field">
      <div role="group" aria-label={label} aria-describedby={describedBy} className="lw-toggle-chips">
        {options.map((o) => {
          const on = selected.some((s) => same(s, o));
          return (
            <button
              key={o}
              type="button"
              className={`lw-chip lw-chip--toggle${on ? " lw-chip--on" : ""}`}
              aria-pressed={on}
              onClick={() => toggle(o)}
            >
              {o}
            </button>
          );
        })}
        {strays.map((s) => (
          <button
            key={`stray-${s}`}
            type="button"
            className="lw-chip lw-chip--stray"
            aria-pressed={true}
            title={t("forms.chips.notAnOption")}
            onClick={() => onChange(selected.filter((x) => x !== s))}
          >
            {s} <span className="lw-sr-only">({t("forms.chips.notAnOption")})</span>
          </button>
        ))}
        {options.length === 0 && <span className="lw-hint">{t("forms.chips.noOptions")}</span>}
      </div>
      <IssueList id={issueId} issues={issues} />
    </div>
  );
}
