// Export of the open flow: download the canonical `.json` file, or copy the same text to the clipboard.
import { useState } from "react";
import { useT } from "../../i18n/useT";
import { exportFlow } from "../../storage";
import { useDesignerStore } from "../store/context";
import { ToolButton } from "../toolbar/ToolButton";

/** Starts a download of `text` named `filename` (an object URL on a temporary link). */
export function download(filename: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportButtons() {
  const store = useDesignerStore();
  const { t, lang } = useT();
  const [message, setMessage] = useState("");
  const exportNow = () => {
    const file = exportFlow(store.getState().flow, lang);
    download(file.filename, file.text, file.mimeType);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(exportFlow(store.getState().flow, lang).text);
      setMessage(t("io.copied"));
    } catch (error) {
      setMessage(t("io.copyFailed", { detail: error instanceof Error ? error.message : String(error) }));
    }
  };
  return (
    <div className="lw-tool-group">
      <ToolButton icon="download" label={t("io.export")} onClick={exportNow} />
      <ToolButton icon="copy" label={t("io.copy")} onClick={() => void copy()} />
      <span className="lw-sr-only" role="status">
        {message}
      </span>
    </div>
  );
}
