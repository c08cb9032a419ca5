// Grade bands of a score node: name and minimum score, checked top-down; the last band without a minimum catches the rest.
import { useId } from "react";
import { castDraft } from "immer";
import type { ScoreConfig } from "./schema";
import { scoreDefaults } from "./schema";
import { IssueList } from "../../src/designer/forms/controls/IssueList";
import { NumberField } from "../../src/designer/forms/controls/NumberField";
import { RowActions } from "../../src/designer/forms/controls/RowActions";
import { TextField } from "../../src/designer/forms/controls/TextField";
import { Toggle } from "../../src/designer/forms/controls/Toggle";
import { moveItem, useRowKeys } from "../../src/designer/forms/controls/useRowKeys";
import { useIssues, useMark } from "../../src/designer/forms/context";
import { useT } from "../../src/i18n/useT";
import type { ScoreUpdate } from "./update.ui";

type Band = NonNullable<ScoreConfig["grades"]>["bands"][number];

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The band a new row gets: the first unused letter, a minimum just below the band above (never breaking the order). */
export function newBand(bands: readonly Band[], at: number): Band {
  const used = new Set(bands.map((b) => b.name));
  const name = [...LETTERS].find((l) => !used.has(l)) ?? `${bands.length + 1}`;
  const above = [...bands.slice(0, at)].reverse().find((b) => b.min !== undefined)?.min;
  return { name, min: above === undefined ? 0 : Math.max(0, above - 10) };
}

export function GradeBands({ grades, update }: { grades: ScoreConfig["grades"]; update: ScoreUpdate }) {
  const { t } = useT();
  const titleId = useId();
  const bands = grades?.bands ?? [];
  const rows = useRowKeys(bands.length);
  const mark = useMark("grades");
  const last = bands[bands.length - 1];
  const insertAt = last && last.min === undefined ? bands.length - 1 : bands.length;

  const setBands = (recipe: (b: Band[]) => void, typing?: string) =>
    update(
      (c) => {
        if (c.grades) recipe(c.grades.bands as Band[]);
      },
      typing ? { mark: `${mark}.${typing}` } : undefined,
    );
  const add = () => {
    rows.inserted(insertAt);
    setBands((b) => {
      b.splice(insertAt, 0, newBand(bands, insertAt));
    });
  };
  const remove = (i: number) => {
    rows.removed(i);
    setBands((b) => {
      b.splice(i, 1);
    });
  };
  const move = (from: number, to: number) => {
    rows.moved(from, to);
    update((c) => {
      if (c.grades) c.grades.bands = castDraft(moveItem(c.grades.bands as Band[], from, to));
    });
  };

  return (
    <section className="lw-section" aria-labelledby={titleId}>
      <h4 id={titleId} className="lw-section-title">
        {t("forms.grades.title")}
      </h4>
      <Toggle
        label={t("forms.grades.enable")}
        checked={Boolean(grades)}
        onChange={(on) =>
          update((c) => {
            if (on) c.grades = scoreDefaults().grades;
            else delete c.grades;
          })
        }
      />
      {grades && (
        <>
          <TextField
            label={t("forms.grades.field")}
            value={grades.field ?? ""}
            placeholder="grade"
            hint={t("forms.grades.fieldHint")}
            path="grades.field"
            onChange={(v) =>
              update(
                (c) => {
                  if (!c.grades) return;
                  if (v.trim() === "") delete c.grades.field;
                  else c.grades.field = v;
                },
                { mark: `${mark}.field` },
              )
            }
          />
          <p className="lw-hint">{t("forms.grades.hint")}</p>
          <ol className="lw-bands">
            {bands.map((band, i) => (
              <BandRow
                key={rows.keys[i]}
                band={band}
                index={i}
                isLast={i === bands.length - 1}
                count={bands.length}
                onName={(name) =>
                  setBands((b) => {
                    const x = b[i];
                    if (x) x.name = name;
                  }, `${i}.name`)
                }
                onMin={(min) =>
                  setBands((b) => {
                    const x = b[i];
                    if (!x) return;
                    if (min === undefined) delete x.min;
                    else x.min = min;
                  }, `${i}.min`)
                }
                onMove={move}
                onDelete={remove}
              />
            ))}
          </ol>
          <button type="button" className="lw-button" onClick={add}>
            {t("forms.grades.add")}
          </button>
        </>
      )}
    </section>
  );
}

function BandRow({
  band,
  index,
  isLast,
  count,
  onName,
  onMin,
  onMove,
  onDelete,
}: {
  band: Band;
  index: number;
  isLast: boolean;
  count: number;
  onName: (name: string) => void;
  onMin: (min: number | undefined) => void;
  onMove: (from: number, to: number) => void;
  onDelete: (index: number) => void;
}) {
  const { t } = useT();
  const at = `grades.bands[${index}]`;
  const { issues, issueId } = useIssues(at);
  const n = index + 1;
  const catchAll = band.min === undefined;
  return (
    <li className="lw-band">
      <div role="group" aria-label={t("forms.grades.band", { n })} className="lw-band-fields">
        <TextField label={t("forms.grades.name")} value={band.name} required onChange={onName} />
        {isLast && <Toggle label={t("forms.grades.catchAll")} checked={catchAll} onChange={(on) => onMin(on ? undefined : 0)} />}
        {!(isLast && catchAll) && (
          <NumberField
            label={t("forms.grades.min")}
            value={band.min}
            required={isLast}
            path={`${at}.min`}
            onChange={(v) => onMin(typeof v === "number" ? v : undefined)}
          />
        )}
        <RowActions name={t("forms.grades.band", { n })} index={index} count={count} onMove={onMove} onDelete={onDelete} />
      </div>
      <IssueList id={issueId} issues={issues} />
    </li>
  );
}
