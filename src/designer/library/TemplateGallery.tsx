// "Start from a template": a card per template with a picture of its flow, its name, what it does in one sentence (the rest
// folds out), and a button that starts a new flow from it in the current language.
import { useT } from "../../i18n/useT";
import type { FlowLibrary } from "../../storage";
import { TEMPLATES } from "../../templates";
import { FlowPicture } from "./FlowPicture";
import { flowHref, goTo } from "./routes";

/** The first sentence of a description (Latin or Chinese full stop), and the rest. */
export function firstSentence(text: string): [string, string] {
  const end = /[.。](\s|$)|。/.exec(text);
  if (!end) return [text, ""];
  const cut = end.index + 1;
  return [text.slice(0, cut).trim(), text.slice(cut).trim()];
}

export function TemplateGallery({ library, headingLevel = 2 }: { library: FlowLibrary; headingLevel?: 1 | 2 }) {
  const { t, lang } = useT();
  const start = async (id: string) => {
    const template = TEMPLATES.find((x) => x.id === id);
    if (!template) return;
    const draft = await library.create({ from: template.flowFor(lang) });
    goTo(flowHref(draft.summary.id));
  };
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <section className="lw-templates" aria-labelledby="lw-templates-title">
      <Heading id="lw-templates-title">{t("library.templates")}</Heading>
      <ul>
        {TEMPLATES.map((tpl) => {
          const [lead, rest] = firstSentence(tpl.description[lang]);
          return (
            <li key={tpl.id} className="lw-template" data-template={tpl.id}>
              <FlowPicture flow={tpl.flow} />
              <h3>{tpl.name[lang]}</h3>
              <p>{lead}</p>
              {rest && (
                <details>
                  <summary>{t("library.templateMore")}</summary>
                  <p>{rest}</p>
                </details>
              )}
              <button type="button" className="lw-button lw-button--primary" onClick={() => void start(tpl.id)}>
                {t("library.useThis")}
                {/* The template's name completes the button's name for screen readers; the card's title shows it. */}
                <span className="lw-sr-only">{t("library.useThisName", { name: tpl.name[lang] })}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
