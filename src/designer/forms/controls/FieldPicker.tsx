// A lead-field drop-down with "New field…" at the end: the manager names the field, picks its kind (and a choice's
// options) right there, and the new field is added to the flow and chosen — no trip to the lead fields panel.
import { useId, useState } from "react";
import { FIELD_TYPES, type FieldDef, type FieldType } from "../../../engine";
import { useT } from "../../../i18n/useT";
import { fieldName, useForm } from "../context";
import { slugify, uniqueId } from "../roster/ids";
import { splitOptions } from "./options";
import { SelectField, type Option, type SelectFieldProps } from "./SelectField";

const NEW = "\u0000new-field";

/** A field key from what the manager typed: "Company size" → "company_size" (letters of any script kept), unique. */
export function fieldKeyFor(label: string, taken: Iterable<string>): string {
  return uniqueId(slugify(label).replace(/-/g, "_"), taken, "field");
}

export interface FieldPickerProps extends Omit<SelectFieldProps, "options" | "onChange"> {
  /** The chosen field's key and definition (a new field is not among the form's fields until the next render). */
  readonly onChange: (key: string, field: FieldDef | undefined) => void;
  /** Only fields of these kinds are offered (and a new field can only be of these kinds). */
  readonly types?: readonly FieldType[];
  /** Choices before the fields (e.g. "Fixed points" for no field). */
  readonly leading?: readonly Option[];
}

export function FieldPicker({ types, leading = [], onChange, value, ...select }: FieldPickerProps) {
  const { t } = useT();
  const { fields, updateFlow } = useForm();
  const id = useId();
  const kinds = types ?? FIELD_TYPES;
  const offered = fields.filter((f) => kinds.includes(f.type));
  const [adding, setAdding] = useState(false);
  const [label, setLabel] = useState("");
  const [type, setType] = useState<FieldType>(kinds[0] ?? "string");
  const [options, setOptions] = useState("");
  const add = () => {
    const name = label.trim();
    if (!name) return;
    const key = fieldKeyFor(
      name,
      fields.map((f) => f.key),
    );
    const field: FieldDef = { key, label: name, type, ...(type === "enum" ? { options: splitOptions(options) } : {}) };
    updateFlow((d) => {
      d.fields.push(field);
    });
    onChange(key, field);
    setAdding(false);
    setLabel("");
    setOptions("");
  };
  return (
    <div className="lw-field-picker">
      <SelectField
        {...select}
        value={adding ? NEW : value}
        options={[
          ...leading,
          ...offered.map((f) => ({ value: f.key, label: fieldName(f, f.key) })),
          { value: NEW, label: t("forms.field.new") },
        ]}
        onChange={(v) => {
          if (v === NEW) setAdding(true);
          else {
            setAdding(false);
            onChange(
              v,
              fields.find((f) => f.key === v),
            );
          }
        }}
      />
      {adding && (
        <div className="lw-new-field" role="group" aria-label={t("forms.field.newTitle")}>
          <label htmlFor={`${id}-name`}>{t("forms.field.name")}</label>
          <input
            id={`${id}-name`}
            className="lw-input"
            type="text"
            value={label}
            autoFocus
            onChange={(e) => setLabel(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") add();
              if (e.key === "Escape") setAdding(false);
            }}
          />
          <label htmlFor={`${id}-type`}>{t("forms.field.kind")}</label>
          <select
            id={`${id}-type`}
            className="lw-select"
            value={type}
            onChange={(e) => setType(kinds.find((k) => k === e.target.value) ?? "string")}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`fieldType.${k}`)}
              </option>
            ))}
          </select>
          {type === "enum" && (
            <>
              <label htmlFor={`${id}-options`}>{t("forms.field.options")}</label>
              <input id={`${id}-options`} className="lw-input" type="text" value={options} onChange={(e) => setOptions(e.target.value)} />
            </>
          )}
          <div className="lw-new-field-actions">
            <button type="button" className="lw-button lw-button--primary" onClick={add} disabled={!label.trim()}>
              {t("forms.field.add")}
            </button>
            <button type="button" className="lw-button" onClick={() => setAdding(false)}>
              {t("forms.dialog.cancel")}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
