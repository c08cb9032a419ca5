// Which value editor a condition needs, and how a value carries over when the operator or the field changes.
import {
  type FieldDef,
  type FieldType,
  type Condition,
  type ConditionValue,
  type Operator,
  OPERATORS_BY_TYPE,
  parseNumber,
  valueShape,
  type ValueShape,
} from "../../../engine";

/** The editor a value needs: the engine's own rule for what an operator takes (`valueShape`). */
export type ValueKind = ValueShape;
export const valueKind = valueShape;

type Item = string | number;

function items(value: ConditionValue | undefined): Item[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null || value === "" || typeof value === "boolean") return [];
  return [value];
}

/** The value after switching operator: what was typed is kept as far as the new editor can show it. */
export function adaptValue(value: ConditionValue | undefined, from: ValueKind, to: ValueKind): ConditionValue | undefined {
  if (from === to) return value;
  switch (to) {
    case "none":
      return undefined;
    case "list":
      return items(value);
    case "range": {
      const [lo = "", hi = ""] = items(value);
      return [lo, hi];
    }
    case "days":
      return typeof value === "number" ? value : undefined;
    case "scalar":
    case "text": {
      if (Array.isArray(value)) return value.find((v) => v !== "");
      return to === "text" && typeof value !== "string" ? undefined : (value ?? undefined);
    }
  }
}

/** The field a new rule starts with: the flow's own first field, else any but the technical id and creation time. */
export function defaultField(fields: readonly FieldDef[], declared: readonly FieldDef[]): FieldDef | undefined {
  const own = new Set(declared.map((f) => f.key));
  return fields.find((f) => own.has(f.key)) ?? fields.find((f) => f.key !== "id" && f.key !== "createdAt") ?? fields[0];
}

/** A new condition on a field: the first operator that fits its type, no value yet. */
export function newCondition(field: FieldDef): Condition {
  const op = field.type === "enum" ? "in" : (OPERATORS_BY_TYPE[field.type][0] ?? "eq");
  return valueKind(op, field.type) === "list" ? { field: field.key, operator: op, value: [] } : { field: field.key, operator: op };
}

/** The condition after choosing another field: the operator stays if it fits the new type, the value if the type is the same. */
export function changeField(cond: Condition, from: FieldDef | undefined, to: FieldDef): Condition {
  if (from?.type !== to.type) return { ...newCondition(to), ...extraKeys(cond) };
  const ops = OPERATORS_BY_TYPE[to.type];
  const operator = ops.includes(cond.operator) ? cond.operator : (ops[0] ?? "eq");
  const next: Condition = { ...cond, field: to.key, operator };
  const oldKind = from ? valueKind(cond.operator, from.type) : "none";
  const newKind = valueKind(operator, to.type);
  next.value = adaptValue(cond.value, oldKind, newKind);
  if (next.value === undefined) delete next.value;
  return next;
}

/** Keys of a condition the form does not edit (kept on round trip, like the document's unknown keys). */
function extraKeys(cond: Condition): Record<string, unknown> {
  const { field: _f, operator: _o, value: _v, ...rest } = cond;
  return rest;
}

/** The condition after choosing another operator. */
export function changeOperator(cond: Condition, field: FieldDef | undefined, operator: Operator): Condition {
  const type = field?.type ?? "string";
  const next: Condition = { ...cond, operator, value: adaptValue(cond.value, valueKind(cond.operator, type), valueKind(operator, type)) };
  if (next.value === undefined) delete next.value;
  return next;
}

/** A list item as the field's type wants it: numbers for number fields when the text is a number, else the text as typed. */
export function listItem(text: string, type: FieldType): Item {
  if (type === "number") {
    const n = parseNumber(text.trim());
    if (n !== null) return n;
  }
  return text;
}

/** The date part a date box shows (YYYY-MM-DD) of a stored date text. */
export function dateBoxValue(value: unknown): string {
  return typeof value === "string" ? value.slice(0, 10) : "";
}
