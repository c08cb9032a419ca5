// The flow's lead fields (shown when no node is selected): name, type and enum options, so conditions have fields to use.
import { useId, useState } from "react";
import { FIELD_TYPES, type FieldDef, type FieldType } from "../../engine";
import { useT } from "../../i18n/useT";
import { freshIds } from "../document";
import { splitOptions } from "../forms/controls/options";
import { useDesignerStore } from "../store/context";
import { useStableFlow } from "../store/useStableFlow";

function FieldRow({ field, index }: { field: FieldDef; index: number }) {
  const store = useDesignerStore();
  const { t } = useT();
  const id = useId();
  // The options box keeps what is typed ("US, " before the next option); an outside change (undo) shows the document's list.
  const joined = (field.options ?? []).join(", ");
  const [optionsText, setOptionsText] = useState(joined);
  const shownOptions = splitOptions(optionsText).join(", ") === joined ? optionsText : joined;
  const edit = (recipe: (f: FieldDef) => void, mark?: string) =>
    store.getState().change(
      (d) => {
        const target = d.fields[index];
        if (target) recipe(target);
      },
      { history: "record", ...(mark ? { mark } : {}) },
    );
  const setType = (type: FieldType) =>
    edit((f) => {
      f.type = type;
      if (type !== "enum") delete f.options;
      else f.options ??= [];
    });
  return (
    <li className="lw-flow-field">
      <div className="lw-prop">
        <label htmlFor={`${id}-key`}>{t("flow.fieldKey")}</label>
        <input
          id={`${id}-key`}
          type="text"
          value={field.key}
          onChange={(e) =>
            edit((f) => {
              f.key = e.target.value.trim();
            }, `field:${index}:key`)
          }
        />
      </div>
      <div className="lw-prop">
        <label htmlFor={`${id}-type`}>{t("flow.fieldType")}</label>
        <select id={`${id}-type`} value={field.type} onChange={(e) => setType(FIELD_TYPES.find((x) => x === e.target.value) ?? "string")}>
          {FIELD_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`fieldType.${type}`)}
            </option>
          ))}
        </select>
      </div>
      {field.type === "enum" && (
        <div className="lw-prop lw-prop-wide">
          <label htmlFor={`${id}-options`}>{t("flow.fieldOptions")}</label>
          <input
            id={`${id}-options`}
            type="text"
            value={shownOptions}
            onChange={(e) => {
              setOptionsText(e.target.value);
              edit((f) => {
                f.options = splitOptions(e.target.value);
              }, `field:${index}:options`);
            }}
          />
        </div>
      )}
      <button
        type="button"
        className="lw-tool lw-remove"
        aria-label={t("flow.removeField", { name: field.key })}
        onClick={() =>
          store.getState().change(
            (d) => {
              d.fields.splice(index, 1);
            },
            { history: "record" },
          )
        }
      >
        <svg
          width="16"
          height="16"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
          strokeLinecap="round"
          aria-hidden="true"
          focusable="false"
        >
          <path d="M6 6l12 12M18 6 6 18" />
        </svg>
      </button>
    </li>
  );
}

export function FlowFields() {
  const store = useDesignerStore();
  const { t } = useT();
  const flow = useStableFlow();
  const add = () =>
    store.getState().change(
      (d) => {
        const key =
          freshIds(
            "field",
            d.fields.map((f) => f.key),
            1,
          )[0] ?? "field1";
        d.fields.push({ key, type: "string" });
      },
      { history: "record" },
    );
  return (
    <section aria-labelledby="lw-flow-fields">
      <h3 id="lw-flow-fields" className="lw-subtitle">
        {t("flow.leadFields")}
      </h3>
      {flow.fields.length === 0 && <p className="lw-note">{t("flow.fieldsNone")}</p>}
      <ul className="lw-flow-fields">
        {flow.fields.map((field, index) => (
          <FieldRow key={index} field={field} index={index} />
        ))}
      </ul>
      <button type="button" className="lw-cmd lw-add-field" onClick={add}>
        {t("flow.addField")}
      </button>
    </section>
  );
}
