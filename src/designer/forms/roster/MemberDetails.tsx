// The rest of a member's settings, shown under the row on request: capacity, regions, skills, working hours, leave and response speed.
import type { Member } from "../../../engine";
import { ChipList } from "../controls/ChipList";
import { NumberField } from "../controls/NumberField";
import { useT } from "../../../i18n/useT";
import { AwayEditor } from "./AwayEditor";
import { ResponseSpeed } from "./ResponseSpeed";
import type { MemberEdit } from "./actions";

export type { MemberEdit };
import { WorkingHoursEditor } from "./WorkingHoursEditor";

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === "string" && value !== "" ? [value] : [];
}

export function MemberDetails({
  member,
  who,
  edit,
  suggestions,
}: {
  member: Member;
  who: string;
  edit: MemberEdit;
  suggestions: { regions: string[]; skills: string[] };
}) {
  const { t } = useT();
  const capacity = (key: "perDay" | "perWeek" | "maxOpen", label: string) => (
    <NumberField
      label={label}
      value={member.capacity?.[key]}
      integer
      min={0}
      placeholder={t("forms.roster.unlimited")}
      onChange={(v) =>
        edit((m) => {
          const next = { ...m.capacity };
          if (typeof v === "number") next[key] = v;
          else delete next[key];
          if (Object.keys(next).length === 0) delete m.capacity;
          else m.capacity = next;
        }, `capacity.${key}`)
      }
    />
  );
  const list = (key: "regions" | "skills", label: string, hint: string) => (
    <ChipList
      label={label}
      values={listOf(member.attributes?.[key])}
      hint={hint}
      suggestions={suggestions[key]}
      onChange={(values) =>
        edit((m) => {
          m.attributes = { ...m.attributes, [key]: values };
        })
      }
    />
  );
  return (
    <div className="lw-member-details" role="group" aria-label={t("forms.roster.detailsOf", { who })}>
      <fieldset className="lw-capacity">
        <legend className="lw-label">{t("forms.roster.capacity")}</legend>
        {capacity("perDay", t("forms.roster.perDay"))}
        {capacity("perWeek", t("forms.roster.perWeek"))}
        {capacity("maxOpen", t("forms.roster.maxOpen"))}
      </fieldset>
      {list("regions", t("forms.roster.regions"), t("forms.roster.regionsHint"))}
      {list("skills", t("forms.roster.skills"), t("forms.roster.skillsHint"))}
      <WorkingHoursEditor
        hours={member.workingHours}
        who={who}
        onChange={(hours, typing) =>
          edit(
            (m) => {
              if (hours) m.workingHours = hours;
              else delete m.workingHours;
            },
            typing ? "hours" : undefined,
          )
        }
      />
      <AwayEditor
        away={member.away ?? []}
        who={who}
        onChange={(away) =>
          edit((m) => {
            if (away.length > 0) m.away = away;
            else delete m.away;
          })
        }
      />
      <ResponseSpeed member={member} who={who} edit={edit} />
    </div>
  );
}
