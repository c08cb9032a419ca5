// "Publish": freezes the saved draft as the next version with a note; errors that block publishing are listed.
import { useId, useState } from "react";
import { useT } from "../../i18n/useT";
import { Dialog } from "../forms/controls/Dialog";
import { conflictKind, type FlowSession } from "../library/session";

export function PublishDialog({ session, onClose }: { session: FlowSession; onClose: () => void }) {
  const { t, lang } = useT();
  const noteId = useId();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ message: string; details: string[] } | null>(null);
  const publish = async () => {
    if (busy) return;
    setBusy(true);
    const saved = await session.saver.flushNow();
    const result = await session.library.publish(session.flowId, { note, author: "", expectedRevision: saved.revision });
    setBusy(false);
    if (result.ok) {
      setOutcome({ message: t("versions.published", { version: result.version.version }), details: [] });
      setNote("");
    } else if ("blocked" in result) {
      setOutcome({ message: result.blocked.message, details: result.blocked.issues.map((i) => i.message) });
    } else {
      setOutcome({ message: t(`save.external.${conflictKind(result.conflict.reason)}`), details: [] });
    }
  };
  return (
    <Dialog title={t("versions.publishTitle")} onClose={onClose}>
      <div className="lw-form" lang={lang}>
        <label htmlFor={noteId}>{t("versions.note")}</label>
        <textarea id={noteId} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        <p>
          <button type="button" className="lw-button" aria-busy={busy} onClick={() => void publish()}>
            {t("versions.publishNow")}
          </button>
        </p>
        <div role="status">
          {outcome && <p>{outcome.message}</p>}
          {outcome && outcome.details.length > 0 && (
            <ul>
              {outcome.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </Dialog>
  );
}
