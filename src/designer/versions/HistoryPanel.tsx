// The version history: every published version (number, note, date); view one read-only, compare it with the draft, restore it.
import { useEffect, useState, type ReactNode } from "react";
import { useT } from "../../i18n/useT";
import { diffFlows, exportText, liveVersions, type VersionSummary } from "../../storage";
import { Dialog } from "../forms/controls/Dialog";
import type { FlowSession } from "../library/session";
import { DiffView } from "./DiffView";
import { restoreIntoDraft } from "./restore";

export function HistoryPanel({ session, onClose }: { session: FlowSession; onClose: () => void }) {
  const { t, lang } = useT();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [detail, setDetail] = useState<{ title: string; body: ReactNode } | null>(null);
  useEffect(() => {
    const sub = liveVersions(session.library, session.flowId).subscribe({ next: setVersions });
    return () => sub.unsubscribe();
  }, [session]);
  const date = (ms: number) => new Date(ms).toLocaleString(lang);

  const view = async (v: number) => {
    const rec = await session.library.getVersion(session.flowId, v);
    if (!rec) return;
    const title = t("versions.readOnly", { version: v });
    setDetail({ title, body: <textarea className="lw-version-json" readOnly aria-label={title} rows={16} value={exportText(rec.doc)} /> });
  };
  const compare = async (v: number) => {
    const rec = await session.library.getVersion(session.flowId, v);
    if (!rec) return;
    const draft = session.store.getState().flow;
    setDetail({
      title: t("versions.diffTitle", { version: v }),
      body: <DiffView diff={diffFlows(rec.doc, draft)} before={rec.doc} after={draft} />,
    });
  };
  const restore = async (v: number) => {
    const doc = await session.library.restoreVersion(session.flowId, v);
    if (!doc) return;
    restoreIntoDraft(session.store, doc, v);
    setDetail({ title: t("versions.restored", { version: v }), body: null });
  };

  return (
    <Dialog title={t("versions.history")} onClose={onClose}>
      <div className="lw-form lw-history">
        {versions?.length === 0 && <p>{t("versions.none")}</p>}
        <ol className="lw-version-list" aria-label={t("versions.history")}>
          {versions?.map((v) => (
            <li key={v.version}>
              <strong>{t("versions.version", { version: v.version })}</strong> · {v.note || t("versions.noNote")} ·{" "}
              <time dateTime={new Date(v.createdAt).toISOString()}>{date(v.createdAt)}</time>
              <span className="lw-row-actions">
                <button type="button" className="lw-button lw-button--small" onClick={() => void view(v.version)}>
                  {t("versions.view", { version: v.version })}
                </button>
                <button type="button" className="lw-button lw-button--small" onClick={() => void compare(v.version)}>
                  {t("versions.compare", { version: v.version })}
                </button>
                <button type="button" className="lw-button lw-button--small" onClick={() => void restore(v.version)}>
                  {t("versions.restore", { version: v.version })}
                </button>
              </span>
            </li>
          ))}
        </ol>
        {detail && (
          <section className="lw-version-detail" aria-label={detail.title} role="region">
            <h3>{detail.title}</h3>
            {detail.body}
          </section>
        )}
      </div>
    </Dialog>
  );
}
