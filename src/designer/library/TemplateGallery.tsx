// "Start from a template": each template's name and one-paragraph explanation in the current language, and a button to start it.
import { useT } from "../../i18n/useT";
import type { FlowLibrary } from "../../storage";
import { TEMPLATES } from "../../templates";
import { flowHref, goTo } from "./routes";

export function TemplateGallery({ library }: { library: FlowLibrary }) {
  const { t, lang } = useT();
  const start = async (id: string) => {
    const template = TEMPLATES.find((x) => x.id === id);
    if (!template) return;
    const draft = await library.create({ from: template.flowFor(lang) });
    goTo(flowHref(draft.summary.id));
  };
  return (
    <section className="lw-templates" aria-labelledby="lw-templates-title">
      <h2 id="lw-templates-title">{t("library.templates")}</h2>
      <ul>
        {TEMPLATES.map((tpl) => (
          <li key={tpl.id} className="lw-template" data-template={tpl.id}>
            <h3>{tpl.name[lang]}</h3>
            <p>{tpl.description[lang]}</p>
            <button type="button" className="lw-button" onClick={() => void start(tpl.id)}>
              {t("library.useTemplate", { name: tpl.name[lang] })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
