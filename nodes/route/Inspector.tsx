// The route's form: team (with the roster editor), strategy with a one-line explanation each, its settings, matching and eligibility.
import { useState } from "react";
import { Dialog } from "../../src/designer/forms/controls/Dialog";
import { RadioGroup } from "../../src/designer/forms/controls/RadioGroup";
import { SelectField } from "../../src/designer/forms/controls/SelectField";
import { Toggle } from "../../src/designer/forms/controls/Toggle";
import { InspectorFrame, useGuardedUpdate } from "../../src/designer/forms/InspectorFrame";
import { RosterEditor } from "../../src/designer/forms/roster/RosterEditor";
import { MatchOptions, StrategyOptions } from "./StrategyOptions";
import { SuggestWeights } from "../../src/designer/forms/suggest/SuggestWeights";
import { useT } from "../../src/i18n/useT";
import type { InspectorProps } from "../../src/designer/forms/node-ui";
import { STRATEGIES, routeConfigSchema, type Strategy } from "./schema";

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Config paths this form shows issues beside. */
const CLAIMS = ["team", "strategy", "weightBy", "catchUp", "member", "ownerField", "match", "respect", "exclude"];

export default function RouteInspector(props: InspectorProps<"route">) {
  const { t, te } = useT();
  const update = useGuardedUpdate(props, routeConfigSchema);
  const [rosterOpen, setRosterOpen] = useState(false);
  const { flow } = props;
  const config = props.node.config;
  const team = flow.teams.find((x) => x.id === config.team);
  const active = team?.members.filter((m) => m.active !== false).length ?? 0;
  const respect = (key: "workingHours" | "capacity", on: boolean) =>
    update((c) => {
      c.respect = { ...c.respect, [key]: on };
    });
  return (
    <InspectorFrame inspector={props} claims={CLAIMS}>
      <div className="lw-row">
        <SelectField
          label={t("forms.route.team")}
          value={config.team}
          path="team"
          placeholder={t("forms.route.chooseTeam")}
          options={flow.teams.map((x) => ({ value: x.id, label: x.name || x.id }))}
          hint={team ? t("forms.route.teamSummary", { count: team.members.length, active }) : undefined}
          onChange={(v) =>
            update((c) => {
              c.team = v;
            })
          }
        />
        <button type="button" className="lw-button" aria-haspopup="dialog" onClick={() => setRosterOpen(true)}>
          {t("forms.route.editTeams")}
        </button>
      </div>
      {rosterOpen && (
        <Dialog title={t("forms.roster.title")} onClose={() => setRosterOpen(false)}>
          <RosterEditor
            flow={flow}
            updateFlow={props.updateFlow}
            teamId={config.team}
            onTeamAdded={(id) => {
              if (!config.team)
                update((c) => {
                  c.team = id;
                });
            }}
          />
        </Dialog>
      )}
      <RadioGroup
        legend={t("forms.route.strategy")}
        value={config.strategy}
        path="strategy"
        options={STRATEGIES.map((s) => ({ value: s, label: capitalise(te(`strategy.${s}`)), help: te(`strategy.${s}.help`) }))}
        onChange={(s: Strategy) =>
          update((c) => {
            c.strategy = s;
          })
        }
      />
      <StrategyOptions config={config} team={team} update={update} />
      {config.weightBy === "performance" && (
        <SuggestWeights node={props.node} flow={flow} updateFlow={props.updateFlow} lang={props.lang} />
      )}
      <MatchOptions config={config} team={team} update={update} />
      <fieldset className="lw-fieldset">
        <legend className="lw-label">{t("forms.route.respect")}</legend>
        <Toggle
          label={t("forms.route.workingHours")}
          checked={config.respect?.workingHours === true}
          hint={t("forms.route.workingHoursHint")}
          onChange={(on) => respect("workingHours", on)}
        />
        <Toggle
          label={t("forms.route.capacity")}
          checked={config.respect?.capacity === true}
          hint={t("forms.route.capacityHint")}
          onChange={(on) => respect("capacity", on)}
        />
        <Toggle
          label={t("forms.route.previousOwners")}
          checked={config.exclude === "previous_owners"}
          hint={t("forms.route.previousOwnersHint")}
          onChange={(on) =>
            update((c) => {
              if (on) c.exclude = "previous_owners";
              else delete c.exclude;
            })
          }
        />
      </fieldset>
    </InspectorFrame>
  );
}
