// The version diff in a manager's words: which step, team or field changed, what in it (in words, not JSON paths), and
// its new and old values ("Lead score: grade bands #1 › from now 40 (was 60)").
import type { Flow, FlowNode } from "../../engine";
import type { Translator } from "../../i18n/useT";

/** Any catalogue text by code (the key words are looked up by a code made at run time). */
type T = Translator["te"];

type Segment = { readonly key: string } | { readonly index: number } | { readonly id: string };

/** `config.grades.bands[0].min`, `members[id=ann].weight` → segments; `(order)` marks a reordered list. */
export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  for (const m of path.replace(/\(order\)$/, "").matchAll(/\[id=([^\]]*)\]|\[(\d+)\]|([^.[\]]+)/g)) {
    if (m[1] !== undefined) out.push({ id: m[1] });
    else if (m[2] !== undefined) out.push({ index: Number(m[2]) });
    else if (m[3] !== undefined) out.push({ key: m[3] });
  }
  return out;
}

/** The value at a diff path inside one item (undefined where it is absent). */
export function valueAt(root: unknown, path: string): unknown {
  let value: unknown = root;
  for (const seg of parsePath(path)) {
    if (value === null || typeof value !== "object") return undefined;
    if ("key" in seg) value = (value as Record<string, unknown>)[seg.key];
    else if ("index" in seg) value = Array.isArray(value) ? value[seg.index] : undefined;
    else value = Array.isArray(value) ? value.find((x: unknown) => (x as { id?: unknown } | null)?.id === seg.id) : undefined;
  }
  return value;
}

/** A key in words: from the table when it has one, else camelCase / snake_case split into lower-case words. */
function keyWords(key: string, t: T): string {
  const code = `diff.key.${key}`;
  const known = t(code);
  if (known !== code) return known;
  // Not in the table: the key's own words.
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
}

/** A list element's own name (a grade band "A", a member "Ann"), if it has one. */
function elementName(value: unknown): string | null {
  if (value === null || typeof value !== "object") return null;
  const { name, label } = value as { name?: unknown; label?: unknown };
  const text = typeof label === "string" && label.trim() ? label : typeof name === "string" && name.trim() ? name : null;
  return text;
}

/** The path in words; with `root` (the item), list elements are named by their own name where they have one. */
export function pathWords(path: string, t: T, root?: unknown): string {
  const parts: string[] = [];
  let value: unknown = root;
  for (const seg of parsePath(path)) {
    value =
      value === null || typeof value !== "object"
        ? undefined
        : valueAt(value, "key" in seg ? seg.key : "index" in seg ? `[${seg.index}]` : `[id=${seg.id}]`);
    if ("key" in seg) {
      if (seg.key !== "config") parts.push(keyWords(seg.key, t));
    } else if ("index" in seg) {
      const last = parts.pop();
      const own = elementName(value);
      parts.push(`${last ?? ""} ${own ? `“${own}”` : `#${seg.index + 1}`}`.trim());
    } else {
      const last = parts.pop();
      parts.push(`${last ?? ""} “${elementName(value) ?? seg.id}”`.trim());
    }
  }
  const words = parts.join(" › ");
  return path.endsWith("(order)") ? t("versions.order", { what: words || t("diff.key.items") }) : words;
}

const MAX_VALUE = 80;

export function valueWords(value: unknown, t: T): string {
  if (value === undefined || value === null || value === "") return t("versions.noValue");
  if (typeof value === "boolean") return t(value ? "versions.yes" : "versions.no");
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return `“${value}”`;
  let text: string;
  if (Array.isArray(value)) text = value.map((v) => (typeof v === "object" && v !== null ? valueWords(v, t) : String(v))).join(", ");
  else
    text = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${keyWords(k, t)}: ${typeof v === "object" && v !== null ? "…" : String(v)}`)
      .join(", ");
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text || t("versions.noValue");
}

/** One line per changed path: "{what} now {after} (was {before})"; a reorder says so without values. */
export function changeLines(before: unknown, after: unknown, paths: readonly string[], t: T): string[] {
  return paths.map((path) =>
    path.endsWith("(order)")
      ? pathWords(path, t)
      : t("versions.valueChange", {
          what: pathWords(path, t, after ?? before) || t("versions.whole"),
          after: valueWords(valueAt(after, path), t),
          before: valueWords(valueAt(before, path), t),
        }),
  );
}

export interface Named {
  readonly nodeName: (id: string) => string;
  readonly teamName: (id: string) => string;
  readonly fieldName: (key: string) => string;
  readonly edgeName: (id: string) => string;
}

/** Display names for the diff's ids, looked up in the draft first, then in the version (for removed items). */
export function namesOf(before: Flow, after: Flow, nodeLabel: (node: FlowNode) => string, t: T): Named {
  const node = (id: string) => after.nodes.find((n) => n.id === id) ?? before.nodes.find((n) => n.id === id);
  const nodeName = (id: string) => {
    const n = node(id);
    return n ? nodeLabel(n) : id;
  };
  return {
    nodeName,
    teamName: (id) => (after.teams.find((x) => x.id === id) ?? before.teams.find((x) => x.id === id))?.name || id,
    fieldName: (key) => (after.fields.find((x) => x.key === key) ?? before.fields.find((x) => x.key === key))?.label || key,
    edgeName: (id) => {
      const e = after.edges.find((x) => x.id === id) ?? before.edges.find((x) => x.id === id);
      return e ? t("versions.edge", { from: nodeName(e.source), to: nodeName(e.target) }) : id;
    },
  };
}
