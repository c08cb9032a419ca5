// Download buttons for a set of leads (the generated sample), as CSV or JSON, to keep or hand to a colleague.
import type { Lead } from "../../engine";
import { useT } from "../../i18n/useT";
import { download } from "../io/ExportButtons";
import { leadsToCsv, leadsToJson } from "./leadFile";

const fileBase = (name: string) => (name.trim().replace(/[\\/:*?"<>|\s]+/g, "-") || "flow") + "-leads";

export function LeadDownloads({ leads, name }: { leads: readonly Lead[]; name: string }) {
  const { t } = useT();
  return (
    <span className="lw-sim-export">
      <button type="button" onClick={() => download(`${fileBase(name)}.csv`, leadsToCsv(leads), "text/csv;charset=utf-8")}>
        {t("simui.leadsCsv")}
      </button>
      <button type="button" onClick={() => download(`${fileBase(name)}.json`, leadsToJson(leads), "application/json")}>
        {t("simui.leadsJson")}
      </button>
    </span>
  );
}
