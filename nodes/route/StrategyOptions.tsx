// The settings a route's strategy needs: weight source, catch-up, the fixed member or the lead field naming the owner.
import type { Draft } from "immer";
import type { RouteConfig } from "./schema";
import type { Team } from "../../src/engine/document/schema";
import { FieldPicker } from "../../src/designer/forms/controls/FieldPicker";
import { SelectField } from "../../src/designer/forms/controls/SelectField";
import { Toggle } from "../../src/designer/forms/controls/Toggle";
import { useForm } from "../../src/designer/forms/context";
import { useT } from "../../src/i18n/useT";

export type RouteUpdate = (recipe: (config: Draft<RouteConfig>) => void, options?: { mark?: string }) => void;

export function StrategyOptions({ config, team, update }: { config: RouteConfig; team: Team | undefined; update: RouteUpdate }) {
  const { t } = useT();
  switch (config.strategy) {
    case "weighted_round_robin":
    case "random_weighted":
      return (
        <SelectField
          label={t("forms.route.weightBy")}
          value={config.weightBy ?? "weight"}
          path="weightBy"
          options={[
            { value: "weight", label: t("forms.route.byWeight") },
            { value: "performance", label: t("forms.route.byPerformance") },
          ]}
          onChange={(v) =>
            update((c) => {
              c.weightBy = v === "performance" ? "performance" : "weight";
            })
          }
        />
      );
    case "round_robin":
      return (
        <Toggle
          label={t("forms.route.catchUp")}
          checked={config.catchUp === true}
          hint={t("forms.route.catchUpHint")}
          onChange={(on) =>
            update((c) => {
              if (on) c.catchUp = true;
              else delete c.catchUp;
            })
          }
        />
      );
    case "fixed":
      return (
        <SelectField
          label={t("forms.route.member")}
          value={config.member ?? ""}
          path="member"
          placeholder={t("forms.route.chooseMember")}
          options={(team?.members ?? []).map((m) => ({ value: m.id, label: m.name || m.id }))}
          onChange={(v) =>
            update((c) => {
              if (v) c.member = v;
              else delete c.member;
            })
          }
        />
      );
    case "lead_owner":
      return (
        <FieldPicker
          label={t("forms.route.ownerField")}
          value={config.ownerField ?? ""}
          path="ownerField"
          placeholder={t("forms.route.chooseField")}
          hint={t("forms.route.ownerFieldHint")}
          onChange={(v) =>
            update((c) => {
              if (v) c.ownerField = v;
              else delete c.ownerField;
            })
          }
        />
      );
    default:
      return null;
  }
}

/** Attribute names a member list can be matched on: regions and skills, plus any other list the team's members carry. */
function attributeNames(team: Team | undefined): string[] {
  const names = new Set(["regions", "skills"]);
  for (const m of team?.members ?? [])
    for (const [k, v] of Object.entries(m.attributes ?? {})) if (Array.isArray(v) || typeof v === "string") names.add(k);
  return [...names];
}

export function MatchOptions({ config, team, update }: { config: RouteConfig; team: Team | undefined; update: RouteUpdate }) {
  const { t } = useT();
  const { fields } = useForm();
  const match = config.match;
  const defaultField = fields.find((f) => f.key === "country") ?? fields.find((f) => f.type === "string" || f.type === "enum") ?? fields[0];
  const attributeLabel = (a: string) => (a === "regions" ? t("forms.roster.regions") : a === "skills" ? t("forms.roster.skills") : a);
  return (
    <fieldset className="lw-fieldset">
      <legend className="lw-label">{t("forms.route.match")}</legend>
      <Toggle
        label={t("forms.route.matchOn")}
        checked={Boolean(match)}
        hint={t("forms.route.matchHint")}
        onChange={(on) =>
          update((c) => {
            if (!on) delete c.match;
            else if (defaultField) c.match = { leadField: defaultField.key, memberAttribute: "regions" };
          })
        }
      />
      {match && (
        <div className="lw-row">
          <FieldPicker
            label={t("forms.route.leadField")}
            value={match.leadField}
            path="match.leadField"
            onChange={(v) =>
              update((c) => {
                if (c.match && v) c.match.leadField = v;
              })
            }
          />
          <SelectField
            label={t("forms.route.memberAttribute")}
            value={match.memberAttribute}
            path="match.memberAttribute"
            options={attributeNames(team).map((a) => ({ value: a, label: attributeLabel(a) }))}
            onChange={(v) =>
              update((c) => {
                if (c.match && v) c.match.memberAttribute = v;
              })
            }
          />
        </div>
      )}
    </fieldset>
  );
}
