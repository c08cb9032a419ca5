// The trash: flows deleted in the last 30 days, each restorable (or deleted for good), with the date it goes.
import { useEffect, useState } from "react";
import { useT } from "../../i18n/useT";
import { liveTrash, type FlowLibrary, type FlowSummary } from "../../storage";

export function TrashView({ library }: { library: FlowLibrary }) {
  const { t, lang } = useT();
  const [rows, setRows] = useState<FlowSummary[] | null>(null);
  useEffect(() => {
    const sub = liveTrash(library).subscribe({ next: setRows });
    return () => sub.unsubscribe();
  }, [library]);
  return (
    <main className="lw-home" aria-labelledby="lw-trash-title">
      <p>
        <a href="#/">{t("library.backHome")}</a>
      </p>
      <h1 id="lw-trash-title">{t("library.trashTitle")}</h1>
      <p>{t("library.trashHint")}</p>
      {rows?.length === 0 && <p>{t("library.trashNone")}</p>}
      <ul className="lw-trash-list">
        {rows?.map((flow) => {
          const name = flow.name || flow.id;
          return (
            <li key={flow.id}>
              <span>{name}</span> · <span>{t("library.purgeAt", { date: new Date(flow.purgeAt ?? 0).toLocaleDateString(lang) })}</span>
              <button type="button" className="lw-button lw-button--small" onClick={() => void library.restore(flow.id)}>
                {t("library.restore", { name })}
              </button>
              <button type="button" className="lw-button lw-button--small" onClick={() => void library.deleteForever(flow.id)}>
                {t("library.deleteForever", { name })}
              </button>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
