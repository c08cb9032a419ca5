// The members table of one team: add, edit, reorder (roster order is round-robin order) and remove members.
import { useId, useState } from "react";
import type { Team } from "../../../engine";
import { RowActions } from "../controls/RowActions";
import { useRowKeys } from "../controls/useRowKeys";
import { useT } from "../../../i18n/useT";
import type { rosterActions } from "./actions";
import { MemberRow } from "./MemberRow";

type Actions = ReturnType<typeof rosterActions>;

function valuesOf(team: Team, key: "regions" | "skills"): string[] {
  const all = team.members.flatMap((m) => {
    const v = m.attributes?.[key];
    return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
  });
  return [...new Set(all)].sort();
}

export function TeamMembers({ team, actions }: { team: Team; actions: Actions }) {
  const { t } = useT();
  const titleId = useId();
  const rows = useRowKeys(team.members.length);
  /** Ids of members added here whose id still follows their name. */
  const [following, setFollowing] = useState<ReadonlySet<string>>(new Set());
  const suggestions = { regions: valuesOf(team, "regions"), skills: valuesOf(team, "skills") };
  const count = team.members.length;

  const add = () => {
    rows.inserted(count);
    const id = actions.addMember();
    setFollowing((s) => new Set([...s, id]));
  };
  const rename = (index: number, id: string, name: string) => {
    const follows = following.has(id);
    const newId = actions.nameMember(index, name, follows);
    if (follows && newId !== null && newId !== id) setFollowing((s) => new Set([...[...s].filter((x) => x !== id), newId]));
  };
  const changeId = (index: number, oldId: string, id: string) => {
    setFollowing((s) => new Set([...s].filter((x) => x !== oldId)));
    actions.changeMemberId(index, id);
  };

  return (
    <section className="lw-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="lw-section-title">
        {t("forms.roster.members", { count })}
      </h3>
      {count === 0 ? (
        <p className="lw-hint">{t("forms.roster.noMembers")}</p>
      ) : (
        <div className="lw-table-scroll">
          <table className="lw-table lw-members-table">
            <thead>
              <tr>
                {(["name", "id", "email", "active", "weight", "performance", "openLeads"] as const).map((c) => (
                  <th key={c} scope="col">
                    {t(`forms.roster.${c}`)}
                  </th>
                ))}
                <th scope="col">
                  <span className="lw-sr-only">{t("forms.roster.moreShort")}</span>
                </th>
                <th scope="col">
                  <span className="lw-sr-only">{t("forms.actions")}</span>
                </th>
              </tr>
            </thead>
            {team.members.map((m, i) => (
              <MemberRow
                key={rows.keys[i]}
                member={m}
                index={i}
                otherIds={team.members.filter((_, j) => j !== i).map((x) => x.id)}
                edit={(recipe, typing) => actions.editMember(i, recipe, typing)}
                suggestions={suggestions}
                onName={(name) => rename(i, m.id, name)}
                onId={(id) => changeId(i, m.id, id)}
                actions={
                  <RowActions
                    name={m.name.trim() || t("forms.roster.memberN", { n: i + 1 })}
                    index={i}
                    count={count}
                    onMove={(from, to) => {
                      rows.moved(from, to);
                      actions.moveMember(from, to);
                    }}
                    onDelete={(j) => {
                      rows.removed(j);
                      actions.removeMember(j);
                    }}
                  />
                }
              />
            ))}
          </table>
        </div>
      )}
      <button type="button" className="lw-button" onClick={add}>
        {t("forms.roster.addMember")}
      </button>
    </section>
  );
}
