// One member of a team as a table row (name, id, email, active, weight, performance, open leads) with details below on request.
import { useId, useState, type ReactNode } from "react";
import type { Member } from "../../../engine";
import { NumberField } from "../controls/NumberField";
import { TextField } from "../controls/TextField";
import { useT } from "../../../i18n/useT";
import { idProblem } from "./ids";
import { MemberDetails, type MemberEdit } from "./MemberDetails";

export const MEMBER_COLUMNS = 9;

export function MemberRow({
  member,
  index,
  otherIds,
  edit,
  onName,
  onId,
  actions,
  suggestions,
}: {
  member: Member;
  index: number;
  otherIds: readonly string[];
  edit: MemberEdit;
  onName: (name: string) => void;
  onId: (id: string) => void;
  actions: ReactNode;
  suggestions: { regions: string[]; skills: string[] };
}) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const n = index + 1;
  const who = member.name.trim() || t("forms.roster.memberN", { n });
  const cell = (column: string) => t("forms.roster.cell", { column, n });
  const idRefusal = (id: string) => {
    const p = idProblem(id, otherIds);
    return p ? t(`forms.roster.id.${p}`) : null;
  };
  return (
    <tbody className="lw-member">
      <tr>
        <td>
          <TextField label={cell(t("forms.roster.name"))} labelHidden value={member.name} onChange={onName} />
        </td>
        <td>
          <TextField label={cell(t("forms.roster.id"))} labelHidden value={member.id} refuse={idRefusal} onChange={onId} />
        </td>
        <td>
          <TextField
            label={cell(t("forms.roster.email"))}
            labelHidden
            type="email"
            value={member.email ?? ""}
            onChange={(v) =>
              edit((m) => {
                if (v === "") delete m.email;
                else m.email = v;
              }, "email")
            }
          />
        </td>
        <td>
          <input
            type="checkbox"
            aria-label={cell(t("forms.roster.active"))}
            checked={member.active !== false}
            onChange={(e) =>
              edit((m) => {
                m.active = e.target.checked;
              })
            }
          />
        </td>
        <td>
          <NumberField
            label={cell(t("forms.roster.weight"))}
            labelHidden
            value={member.weight}
            min={0}
            placeholder="1"
            onChange={(v) =>
              edit((m) => {
                if (typeof v === "number") m.weight = v;
                else delete m.weight;
              }, "weight")
            }
          />
        </td>
        <td>
          <NumberField
            label={cell(t("forms.roster.performance"))}
            labelHidden
            value={member.performance}
            min={0}
            onChange={(v) =>
              edit((m) => {
                if (typeof v === "number") m.performance = v;
                else delete m.performance;
              }, "performance")
            }
          />
        </td>
        <td>
          <NumberField
            label={cell(t("forms.roster.openLeads"))}
            labelHidden
            value={member.openLeads}
            integer
            min={0}
            placeholder="0"
            onChange={(v) =>
              edit((m) => {
                if (typeof v === "number") m.openLeads = v;
                else delete m.openLeads;
              }, "openLeads")
            }
          />
        </td>
        <td>
          <button
            type="button"
            className="lw-button lw-button--small"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={t("forms.roster.more", { who })}
            onClick={() => setOpen(!open)}
          >
            {t("forms.roster.moreShort")}
          </button>
        </td>
        <td>{actions}</td>
      </tr>
      {open && (
        <tr id={detailsId}>
          <td colSpan={MEMBER_COLUMNS}>
            <MemberDetails member={member} who={who} edit={edit} suggestions={suggestions} />
          </td>
        </tr>
      )}
    </tbody>
  );
}
