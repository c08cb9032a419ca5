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
  // No flow saved yet (a first visit): welcome, and the templates come first.
  const firstVisit = rows?.length === 0 && query === "";
  return (
    <main className="lw-home" aria-labelledby="lw-home-title" onDragOver={(e) => e.preventDefault()} onDrop={(e) => void onDrop(e)}>
      <header className="lw-home-bar">
        <span className="lw-home-brand">Leadwire</span>
        <div className="lw-home-actions">
          <button type="button" className="lw-button" onClick={() => void create()}>
            {t("library.new")}
          </button>
          <ImportControls state={importer} />
          <a className="lw-button lw-button--link" href="#/trash">
            {t("library.trashView")}
          </a>
        </div>
        <LanguageSelect />
      </header>
      <div className="lw-home-body">
        {firstVisit ? (
          <div className="lw-welcome">
            <h1 id="lw-home-title">{t("library.welcome")}</h1>
            <p>{t("library.welcomeText")}</p>
          </div>
        ) : (
          <h1 id="lw-home-title">{t("library.title")}</h1>
        )}
        <ImportProblems problems={importer.problems} source={importer.source} />
        {firstVisit && <TemplateGallery library={library} />}
        {!firstVisit && (
          <div className="lw-home-search">
            <label htmlFor={searchId}>{t("library.search")}</label>
            <input
              id={searchId}
              className="lw-input"
              type="search"
              value={query}
              placeholder={t("library.searchPlaceholder")}
              onChange={(e) => setQuery(e.target.value)}
            />
            <span className="lw-muted">{t("library.importDrop")}</span>
          </div>
        )}
        {rows?.length === 0 && query !== "" && <p>{t("library.noMatch", { query })}</p>}
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
        {!firstVisit && <TemplateGallery library={library} />}
      </div>
    </main>
  );
}
