// Clickable template variables, grouped by what they come from (lead, owner, team, flow); a click inserts one at the cursor.
import type { FieldDef } from "../../../engine";
import { FLOW_KEYS, OWNER_KEYS, TEAM_KEYS } from "../../../../nodes/notify/template";
import { fieldName } from "../context";
import { useT } from "../../../i18n/useT";

export function VariableChips({ fields, onInsert }: { fields: readonly FieldDef[]; onInsert: (token: string) => void }) {
  const { t } = useT();
  const groups: { scope: string; title: string; items: { key: string; label: string }[] }[] = [
    { scope: "lead", title: t("forms.tpl.scope.lead"), items: fields.map((f) => ({ key: f.key, label: fieldName(f, f.key) })) },
    { scope: "owner", title: t("forms.tpl.scope.owner"), items: OWNER_KEYS.map((k) => ({ key: k, label: t(`forms.tpl.key.${k}`) })) },
    { scope: "team", title: t("forms.tpl.scope.team"), items: TEAM_KEYS.map((k) => ({ key: k, label: t(`forms.tpl.key.${k}`) })) },
    { scope: "flow", title: t("forms.tpl.scope.flow"), items: FLOW_KEYS.map((k) => ({ key: k, label: t(`forms.tpl.key.${k}`) })) },
  ];
  return (
    <div className="lw-variables">
      <p className="lw-hint">{t("forms.tpl.chipsHint")}</p>
      {groups.map((g) => (
        <div key={g.scope} role="group" aria-label={t("forms.tpl.groupLabel", { scope: g.title })} className="lw-variable-group">
          <span className="lw-variable-scope" aria-hidden="true">
            {g.title}
          </span>
          {g.items.map((item) => {
            const token = `{{${g.scope}.${item.key}}}`;
            return (
              <button
                key={item.key}
                type="button"
                className="lw-chip lw-chip--variable"
                title={token}
                aria-label={t("forms.tpl.insert", { scope: g.title, name: item.label, token })}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onInsert(token)}
              >
                {item.label}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
