// "Changed in another tab": shown when another tab saved, trashed or deleted this flow; the user chooses, nothing is overwritten.
import { useState } from "react";
import { useT } from "../../i18n/useT";
import type { UiKey } from "../../i18n";
import { useSession, useSessionState } from "./context";
import { flowHref, goTo } from "./routes";
import { conflictKind, keepMineAsCopy, type FlowSession } from "./session";

function Banner({ session, reload }: { session: FlowSession; reload: () => void }) {
  const { t, lang } = useT();
  const [busy, setBusy] = useState(false);
  const external = useSessionState(session, (s) => s.external);
  const conflict = useSessionState(session, (s) => s.save.conflict);
  const kind = external?.kind ?? (conflict ? conflictKind(conflict.reason) : null);
  if (!kind) return null;
  const key: UiKey = `save.external.${kind}`;
  const copy = async () => {
    setBusy(true);
    const id = await keepMineAsCopy(session, lang);
    session.discard();
    goTo(flowHref(id));
  };
  return (
    <div className="lw-banner" role="alert">
      <span>{t(key)}</span>
      {kind === "draft" && (
        <button type="button" className="lw-button" disabled={busy} onClick={reload}>
          {t("save.conflictReload")}
        </button>
      )}
      <button type="button" className="lw-button" disabled={busy} onClick={() => void copy()}>
        {t("save.keepCopy")}
      </button>
    </div>
  );
}

export function ConflictBanner() {
  const value = useSession();
  return value ? <Banner session={value.session} reload={value.reload} /> : null;
}
