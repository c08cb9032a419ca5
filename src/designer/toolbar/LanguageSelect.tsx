// The language switcher (toolbar and home screen): switches the whole UI and remembers the choice.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { LANGS, isLang } from "../../engine";
import { setLanguage } from "../../i18n";
import { useT } from "../../i18n/useT";

export function LanguageSelect() {
  const { t, lang } = useT();
  const { i18n } = useTranslation();
  const langId = useId();
  return (
    <div className="lw-lang">
      <label htmlFor={langId}>{t("toolbar.language")}</label>
      <select id={langId} value={lang} onChange={(e) => isLang(e.target.value) && void setLanguage(i18n, e.target.value)}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
