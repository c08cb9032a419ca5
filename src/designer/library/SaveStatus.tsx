// The toolbar's save status: saved / unsaved / saving / the storage error's message / the conflict.
import { useT } from "../../i18n/useT";
import { autosaveText } from "../../storage";
import { useSession, useSessionState } from "./context";
import type { FlowSession } from "./session";

function Status({ session }: { session: FlowSession }) {
  const { t, lang } = useT();
  const save = useSessionState(session, (s) => s.save);
  return (
    <span
      className={`lw-save lw-save--${save.status}`}
      role="status"
      aria-label={t("save.label")}
      data-status={save.status}
      data-revision={save.revision}
    >
      {autosaveText(save, lang)}
    </span>
  );
}

export function SaveStatus() {
  const value = useSession();
  return value ? <Status session={value.session} /> : null;
}
