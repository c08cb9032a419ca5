// The toolbar's library tools for the open flow: back home, save status, export/copy, publish and version history.
import { useState } from "react";
import { useT } from "../../i18n/useT";
import { ExportButtons } from "../io/ExportButtons";
import { useSession } from "../library/context";
import { goTo } from "../library/routes";
import { SaveStatus } from "../library/SaveStatus";
import { HistoryPanel } from "../versions/HistoryPanel";
import { PublishDialog } from "../versions/PublishDialog";
import { ToolButton } from "./ToolButton";

export function HomeButton() {
  const { t } = useT();
  return useSession() ? <ToolButton icon="home" label={t("toolbar.home")} text onClick={() => goTo("#/")} /> : null;
}

export function FlowTools() {
  const value = useSession();
  const { t } = useT();
  const [open, setOpen] = useState<"publish" | "history" | null>(null);
  if (!value) return null;
  return (
    <>
      <ExportButtons />
      <div className="lw-tool-group">
        <ToolButton icon="publish" label={t("versions.publish")} text onClick={() => setOpen("publish")} />
        <ToolButton icon="history" label={t("versions.history")} onClick={() => setOpen("history")} />
      </div>
      <SaveStatus />
      {open === "publish" && <PublishDialog session={value.session} onClose={() => setOpen(null)} />}
      {open === "history" && <HistoryPanel session={value.session} onClose={() => setOpen(null)} />}
    </>
  );
}
