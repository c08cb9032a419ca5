// Downloads the current run's results as CSV (header in the user's language, BOM for Excel) or as the CLI's JSON document.
import { resultsToCsv, resultsToJsonText, withStories } from "../../simulation";
import { useT } from "../../i18n/useT";
import { useStableFlow } from "../store/useStableFlow";
import { useRuns } from "./useRuns";

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const fileBase = (name: string) => (name.trim().replace(/[\\/:*?"<>|\s]+/g, "-") || "flow") + "-results";

export function ExportButtons() {
  const { t, lang } = useT();
  const flow = useStableFlow();
  const current = useRuns((s) => s.current);
  const warnings = useRuns((s) => s.importWarnings);
  if (!current) return null;
  // The trace column is each lead's first line, which stays in the worker with the rest of the trace until asked for.
  const downloadCsv = async () => {
    const first = await current.traces.firstTraceLines();
    const firstTraceLines = first.kind === "lines" ? first.lines : undefined;
    download(
      `${fileBase(flow.name)}.csv`,
      resultsToCsv(flow, current.result.outcomes, { lang, bom: true, firstTraceLines }),
      "text/csv;charset=utf-8",
    );
  };
  // A followed lead's owners and timeline stay in the worker too; the JSON document has them, as the CLI's does.
  const downloadJson = async () => {
    const answer = await current.traces.stories?.();
    const result =
      answer?.kind === "stories" ? { ...current.result, outcomes: withStories(current.result.outcomes, answer.stories) } : current.result;
    download(
      `${fileBase(flow.name)}.json`,
      resultsToJsonText(result, warnings.length > 0 ? { importWarnings: [...warnings] } : {}),
      "application/json",
    );
  };
  return (
    <span className="lw-sim-export">
      <button type="button" onClick={() => void downloadCsv()}>
        {t("simui.exportCsv")}
      </button>
      <button type="button" onClick={() => void downloadJson()}>
        {t("simui.exportJson")}
      </button>
    </span>
  );
}
