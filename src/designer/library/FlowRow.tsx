// One row of the home screen's flow list: name (opens it), last edited, status, node count; rename, duplicate, trash.
import { useState } from "react";
import { useT } from "../../i18n/useT";
import type { FlowLibrary, FlowSummary } from "../../storage";
import { ToolSvg } from "../toolbar/ToolButton";
import { flowHref } from "./routes";

export function statusText(t: ReturnType<typeof useT>["t"], flow: FlowSummary): string {
  if (flow.status === "draft") return t("library.status.draft");
  const version = flow.latestVersion ?? 1;
  return t(flow.unpublishedChanges ? "library.status.unpublished" : "library.status.published", { version });
}

export function FlowRow({ flow, library }: { flow: FlowSummary; library: FlowLibrary }) {
  const { t, te, lang } = useT();
  const [renaming, setRenaming] = useState<string | null>(null);
  const name = flow.name || te("storage.untitled");
  const saveName = async () => {
    if (renaming !== null && renaming.trim() !== "") await library.rename(flow.id, renaming.trim());
    setRenaming(null);
  };
  const duplicate = async () => {
    await library.duplicate(flow.id);
  };
  return (
    <tr data-flow-id={flow.id}>
      <td>
        {renaming === null ? (
          <a href={flowHref(flow.id)} aria-label={t("library.open", { name })}>
            {name}
          </a>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void saveName();
            }}
          >
            <input
              aria-label={t("library.renameLabel", { name })}
              value={renaming}
              autoFocus
              onChange={(e) => setRenaming(e.target.value)}
              onKeyDown={(e) => e.key === "Escape" && setRenaming(null)}
            />
            <button type="submit" className="lw-button lw-button--small">
              {t("library.renameSave")}
            </button>
            <button type="button" className="lw-button lw-button--small" onClick={() => setRenaming(null)}>
              {t("library.cancel")}
            </button>
          </form>
        )}
      </td>
      <td>
        <time dateTime={new Date(flow.updatedAt).toISOString()}>{new Date(flow.updatedAt).toLocaleString(lang)}</time>
      </td>
      <td>{statusText(t, flow)}</td>
      <td>{flow.nodeCount}</td>
      <td className="lw-row-actions">
        <button
          type="button"
          className="lw-button lw-button--small"
          aria-label={t("library.rename", { name })}
          title={t("library.rename", { name })}
          onClick={() => setRenaming(flow.name)}
        >
          <ToolSvg icon="rename" size={14} />
        </button>
        <button
          type="button"
          className="lw-button lw-button--small"
          aria-label={t("library.duplicate", { name })}
          title={t("library.duplicate", { name })}
          onClick={() => void duplicate()}
        >
          <ToolSvg icon="duplicate" size={14} />
        </button>
        <button
          type="button"
          className="lw-button lw-button--small"
          aria-label={t("library.trash", { name })}
          title={t("library.trash", { name })}
          onClick={() => void library.trash(flow.id)}
        >
          <ToolSvg icon="delete" size={14} />
        </button>
      </td>
    </tr>
  );
}
