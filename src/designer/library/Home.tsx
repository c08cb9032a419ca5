// The home screen: the flow list with search, create (empty or from a template), rename, duplicate, trash, and import.
import { useEffect, useId, useState, type DragEvent } from "react";
import { useT } from "../../i18n/useT";
import { liveFlowList, type FlowLibrary, type FlowSummary } from "../../storage";
import { ImportControls, ImportProblems, useImport } from "../io/ImportPanel";
import { LanguageSelect } from "../toolbar/LanguageSelect";
import { FlowRow } from "./FlowRow";
import { flowHref, goTo } from "./routes";
import { TemplateGallery } from "./TemplateGallery";

export function Home({ library }: { library: FlowLibrary }) {
  const { t } = useT();
  const searchId = useId();
  const [query, setQuery] = useState("");
  const [rows, setRows] = useState<FlowSummary[] | null>(null);
  const importer = useImport(library);
  useEffect(() => {
    const sub = liveFlowList(library, query).subscribe({ next: setRows });
    return () => sub.unsubscribe();
  }, [library, query]);
  const create = async () => {
    const draft = await library.create();
    goTo(flowHref(draft.summary.id));
  };
  const onDrop = async (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file) await importer.importText(await file.text());
  };
  return (
    <main className="lw-home" aria-labelledby="lw-home-title" onDragOver={(e) => e.preventDefault()} onDrop={(e) => void onDrop(e)}>
      <header className="lw-home-head">
        <h1 id="lw-home-title">{t("library.title")}</h1>
        <button type="button" className="lw-button" onClick={() => void create()}>
          {t("library.new")}
        </button>
        <ImportControls state={importer} />
        <a href="#/trash">{t("library.trashView")}</a>
        <LanguageSelect />
      </header>
      <p className="lw-muted">{t("library.importDrop")}</p>
      <ImportProblems problems={importer.problems} />
      <label htmlFor={searchId}>{t("library.search")}</label>{" "}
      <input
        id={searchId}
        type="search"
        value={query}
        placeholder={t("library.searchPlaceholder")}
        onChange={(e) => setQuery(e.target.value)}
      />
      {rows?.length === 0 && <p>{query ? t("library.noMatch", { query }) : t("library.none")}</p>}
      {rows && rows.length > 0 && (
        <table className="lw-flow-table">
          <caption className="lw-sr-only">{t("library.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("library.colName")}</th>
              <th scope="col">{t("library.colEdited")}</th>
              <th scope="col">{t("library.colStatus")}</th>
              <th scope="col">{t("library.colNodes")}</th>
              <th scope="col">{t("library.colActions")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((flow) => (
              <FlowRow key={flow.id} flow={flow} library={library} />
            ))}
          </tbody>
        </table>
      )}
      <TemplateGallery library={library} />
    </main>
  );
}
