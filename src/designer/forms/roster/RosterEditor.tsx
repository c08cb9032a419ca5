// The roster editor: the flow's teams (add, rename, delete) and the chosen team's members, with roster CSV import.
import { useState } from "react";
import type { Flow } from "../../../engine";
import { assignsFrom } from "../../../engine";
import { SelectField } from "../controls/SelectField";
import { TextField } from "../controls/TextField";
import { useT } from "../../../i18n/useT";
import { addTeam, rosterActions, type FlowUpdate } from "./actions";
import { idProblem } from "./ids";
import { RosterImport } from "./RosterImport";
import { TeamMembers } from "./TeamMembers";

export interface RosterEditorProps {
  readonly flow: Flow;
  readonly updateFlow: FlowUpdate;
  /** The team to show first (the route's team). */
  readonly teamId?: string;
  /** Called when a team is added here (a route without a team can take it). */
  readonly onTeamAdded?: (teamId: string) => void;
}

export function RosterEditor({ flow, updateFlow, teamId, onTeamAdded }: RosterEditorProps) {
  const { t } = useT();
  const [selected, setSelected] = useState(teamId ?? "");
  const team = flow.teams.find((x) => x.id === selected) ?? flow.teams[0];
  const add = () => {
    const id = addTeam(updateFlow, flow, t("forms.roster.newTeam", { n: flow.teams.length + 1 }));
    setSelected(id);
    onTeamAdded?.(id);
  };
  const actions = team ? rosterActions(updateFlow, team) : null;
  const usedBy = team ? flow.nodes.filter((n) => assignsFrom(n) === team.id).length : 0;
  // The team whose deletion waits for a yes (switching teams drops the question).
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  const confirming = team !== undefined && confirmingId === team.id;
  const remove = () => {
    actions?.deleteTeam();
    setSelected("");
    setConfirmingId(null);
  };

  return (
    <div className="lw-roster">
      <div className="lw-roster-teams">
        {flow.teams.length > 0 && team && (
          <SelectField
            label={t("forms.roster.team")}
            value={team.id}
            onChange={setSelected}
            options={flow.teams.map((x) => ({ value: x.id, label: x.name || x.id }))}
          />
        )}
        <button type="button" className="lw-button" onClick={add}>
          {t("forms.roster.addTeam")}
        </button>
      </div>
      {!team || !actions ? (
        <p className="lw-hint">{t("forms.roster.noTeams")}</p>
      ) : (
        <div className="lw-team" key={flow.teams.indexOf(team)}>
          <div className="lw-team-head">
            <TextField label={t("forms.roster.teamName")} value={team.name} onChange={actions.renameTeam} />
            <TextField
              label={t("forms.roster.teamId")}
              value={team.id}
              hint={t("forms.roster.teamIdHint")}
              refuse={(id) => {
                const p = idProblem(
                  id,
                  flow.teams.filter((x) => x !== team).map((x) => x.id),
                );
                return p ? t(`forms.roster.id.${p}`) : null;
              }}
              onChange={(id) => {
                actions.changeTeamId(id);
                setSelected(id);
              }}
            />
            <button
              type="button"
              className="lw-button lw-danger"
              aria-expanded={usedBy > 0 ? confirming : undefined}
              onClick={() => (usedBy > 0 ? setConfirmingId(team.id) : remove())}
            >
              {t("forms.roster.deleteTeam", { name: team.name || team.id })}
            </button>
            {usedBy > 0 && !confirming && <p className="lw-hint">{t("forms.roster.usedBy", { count: usedBy })}</p>}
            {usedBy > 0 && confirming && (
              // Asked in place (the roster already sits in a dialog): a team in use leaves its routes without members.
              <div className="lw-confirm-inline" role="alert">
                <p>{t("forms.roster.confirmDelete", { name: team.name || team.id, count: usedBy })}</p>
                <button type="button" className="lw-button" onClick={() => setConfirmingId(null)}>
                  {t("forms.roster.keepTeam")}
                </button>{" "}
                <button type="button" className="lw-button lw-button--danger" onClick={remove}>
                  {t("forms.roster.deleteTeamYes")}
                </button>
              </div>
            )}
          </div>
          <TeamMembers team={team} actions={actions} />
          <RosterImport members={team.members} onImport={actions.replaceMembers} />
        </div>
      )}
    </div>
  );
}
