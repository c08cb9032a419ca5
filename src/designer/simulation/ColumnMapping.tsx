// The column → field table of an import: which field each column feeds (or dropped), guessed types, and unknown columns offered as new fields.
import type { FieldDef as FlowField, ColumnInfo, FieldType } from "../../engine";
import { useT } from "../../i18n/useT";
import { BUILT_IN_TARGETS, type Mapping } from "./importLeads";

const TYPES: readonly FieldType[] = ["string", "number", "boolean", "date", "enum", "list"];
const KEEP = "\u0000keep";

interface Props {
  readonly columns: readonly ColumnInfo[];
  readonly fields: readonly FlowField[];
  readonly mapping: Mapping;
  readonly onMapping: (mapping: Mapping) => void;
  readonly onAddFields: (columns: readonly { column: string; type: FieldType }[]) => void;
}

export function ColumnMapping({ columns, fields, mapping, onMapping, onAddFields }: Props) {
  const { t } = useT();
  const fieldKeys = new Set(fields.map((f) => f.key));
  const unknown = columns.filter((c) => !c.known && c.fieldKey !== "" && !fieldKeys.has(c.fieldKey));
  const typeOf = (c: ColumnInfo): FieldType => mapping.types[c.column] ?? c.guessedType;

  const setTarget = (column: string, value: string) => {
    const columnMap = { ...mapping.columnMap };
    if (value === KEEP) delete columnMap[column];
    else columnMap[column] = value;
    onMapping({ ...mapping, columnMap });
  };
  const setOrder = (column: string, order: string) => {
    const dateOrders = { ...mapping.dateOrders };
    if (order === "dmy" || order === "mdy") dateOrders[column] = order;
    else delete dateOrders[column];
    onMapping({ ...mapping, dateOrders });
  };
  const builtIns = BUILT_IN_TARGETS.filter((k) => !fieldKeys.has(k));
  const setType = (column: string, type: FieldType) => onMapping({ ...mapping, types: { ...mapping.types, [column]: type } });
  const setPlaceholders = (text: string) =>
    onMapping({
      ...mapping,
      placeholders: text
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== ""),
    });

  return (
    <div className="lw-sim-mapping">
      <label>
        {t("simui.placeholders")}{" "}
        <input type="text" defaultValue={mapping.placeholders.join(", ")} onBlur={(e) => setPlaceholders(e.target.value)} />
      </label>
      <div className="lw-sim-scroll" tabIndex={0}>
        <table className="lw-sim-table" aria-label={t("simui.mapping")}>
          <thead>
            <tr>
              <th scope="col">{t("simui.column")}</th>
              <th scope="col">{t("simui.field")}</th>
              <th scope="col">{t("simui.type")}</th>
              <th scope="col">{t("simui.sample")}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => {
              const chosen = Object.hasOwn(mapping.columnMap, c.column) ? (mapping.columnMap[c.column] ?? KEEP) : KEEP;
              const isUnknown = unknown.includes(c);
              return (
                <tr key={c.column}>
                  <th scope="row">{c.column}</th>
                  <td>
                    <select
                      aria-label={t("simui.fieldFor", { column: c.column })}
                      value={chosen}
                      onChange={(e) => setTarget(c.column, e.target.value)}
                    >
                      <option value={KEEP}>
                        {c.fieldKey === ""
                          ? t("simui.auto")
                          : c.known
                            ? t("simui.autoField", { field: c.fieldKey })
                            : t("simui.keepColumn")}
                      </option>
                      <option value="">{t("simui.dropColumn")}</option>
                      {builtIns.map((k) => (
                        <option key={k} value={k}>
                          {t(`simui.builtIn.${k}`)}
                        </option>
                      ))}
                      {fields.map((f) => (
                        <option key={f.key} value={f.key}>
                          {f.label ? `${f.label} (${f.key})` : f.key}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {isUnknown ? (
                      <select
                        aria-label={t("simui.typeFor", { column: c.column })}
                        value={typeOf(c)}
                        onChange={(e) => setType(c.column, e.target.value as FieldType)}
                      >
                        {TYPES.map((ty) => (
                          <option key={ty} value={ty}>
                            {ty}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <span>{fields.find((f) => f.key === c.fieldKey)?.type ?? c.guessedType}</span>
                    )}
                    {c.dateOrder && (
                      // Dates like 02/03/2026: the day/month order is chosen once for the column, never guessed per row.
                      <select
                        aria-label={t("simui.dateOrderFor", { column: c.column })}
                        className={c.dateOrder === "ask" && !mapping.dateOrders?.[c.column] ? "lw-sim-order lw-sim-ask" : "lw-sim-order"}
                        value={mapping.dateOrders?.[c.column] ?? (c.dateOrder === "ask" ? "" : c.dateOrder)}
                        onChange={(e) => setOrder(c.column, e.target.value)}
                      >
                        {c.dateOrder === "ask" && <option value="">{t("simui.dateOrderAsk")}</option>}
                        <option value="dmy">{t("simui.dateOrderDmy")}</option>
                        <option value="mdy">{t("simui.dateOrderMdy")}</option>
                      </select>
                    )}
                  </td>
                  <td className="lw-sim-sample">{c.sample.join(", ")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {unknown.length > 0 && (
        <button type="button" onClick={() => onAddFields(unknown.map((c) => ({ column: c.fieldKey, type: typeOf(c) })))}>
          {t("simui.addFields", { count: unknown.length })}
        </button>
      )}
    </div>
  );
}
