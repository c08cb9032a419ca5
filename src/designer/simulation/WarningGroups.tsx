// An import's warnings, one line per kind (and column): how many, the first one in words, and the first rows it hit —
// 18,480 warnings read as a few lines, not a list to scroll.
import type { ImportWarning } from "../../engine";
import { formatImportWarning, summariseWarnings } from "../../engine/leads";
import { useT } from "../../i18n/useT";

export function WarningGroups({ warnings }: { warnings: readonly ImportWarning[] }) {
  const { t, lang } = useT();
  const groups = summariseWarnings(warnings);
  return (
    <details className="lw-sim-warnings">
      <summary>{t("simui.warnings", { count: warnings.length })}</summary>
      <ul tabIndex={0}>
        {groups.map((g) => {
          // The group's first warning gives its sentence, as in the CLI's summary.
          const first = warnings.find((w) => w.code === g.code && w.column === g.column);
          if (!first) return null;
          const more = g.count > g.firstRows.length ? ", …" : "";
          return (
            <li key={`${g.code}-${g.column ?? ""}`}>
              {g.count > 1 && <strong className="lw-sim-warn-count">{t("simui.warnTimes", { count: g.count })} </strong>}
              {formatImportWarning(first, lang)}
              {g.count > 1 && g.firstRows.some((r) => r > 0) && (
                <span className="lw-note"> {t("simui.warnRows", { rows: g.firstRows.join(", ") + more })}</span>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
