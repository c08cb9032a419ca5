// Compares two flow documents (a version and the draft): nodes, edges, teams and fields added, removed or changed.
import type { Flow } from "../engine";

export interface ItemChange {
  id: string;
  /** Paths inside the item whose values differ, e.g. `config.team`, `config.conditions.rules[0].value`, `members[id=ann].weight`. */
  paths: string[];
}

export interface ListDiff {
  added: string[];
  removed: string[];
  changed: ItemChange[];
}

export interface FlowDiff {
  /** Node ids; a node that only moved on the canvas is in `moved`, not `changed`. */
  nodes: ListDiff & { moved: string[] };
  /** Edge ids (of `after` for added and changed, of `before` for removed); edges are matched by what they connect. */
  edges: ListDiff;
  teams: ListDiff;
  /** Field keys. */
  fields: ListDiff;
  /** Other paths of the document that differ: `name`, `description`, `settings.timezone` … (not the canvas viewport). */
  document: string[];
  /** Nothing differs but positions and the viewport. */
  same: boolean;
}

type Rec = Record<string, unknown>;

function isRecord(value: unknown): value is Rec {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

/** Arrays of objects with unique string ids (team members) are compared by id, so a reorder is not a change of every item. */
function idsOf(list: readonly unknown[]): string[] | null {
  const ids = list.map((item) => (isRecord(item) && typeof item.id === "string" ? item.id : null));
  if (ids.some((id) => id === null)) return null;
  const unique = new Set(ids);
  return unique.size === ids.length ? (ids as string[]) : null;
}

function diffArrays(a: readonly unknown[], b: readonly unknown[], path: string, out: string[]): void {
  const aIds = idsOf(a);
  const bIds = idsOf(b);
  if (aIds && bIds && a.length > 0 && b.length > 0) {
    const byId = (list: readonly unknown[], ids: string[]) => new Map(ids.map((id, i) => [id, list[i]]));
    const aMap = byId(a, aIds);
    const bMap = byId(b, bIds);
    for (const id of new Set([...aIds, ...bIds])) diffValues(aMap.get(id), bMap.get(id), `${path}[id=${id}]`, out);
    if (aIds.filter((id) => bMap.has(id)).join("\u0000") !== bIds.filter((id) => aMap.has(id)).join("\u0000")) out.push(`${path}(order)`);
    return;
  }
  for (let i = 0; i < Math.max(a.length, b.length); i++) diffValues(a[i], b[i], `${path}[${i}]`, out);
}

/** Every path below `path` where `a` and `b` differ (a value added or removed counts as differing). */
export function diffValues(a: unknown, b: unknown, path: string, out: string[] = []): string[] {
  if (Object.is(a, b)) return out;
  if (Array.isArray(a) && Array.isArray(b)) diffArrays(a, b, path, out);
  else if (isRecord(a) && isRecord(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) diffValues(a[key], b[key], join(path, key), out);
  } else out.push(path === "" ? "$" : path);
  return out;
}

function without(item: unknown, keys: readonly string[]): unknown {
  if (!isRecord(item)) return item;
  const copy: Rec = { ...item };
  for (const key of keys) delete copy[key];
  return copy;
}

function diffList(
  before: readonly unknown[],
  after: readonly unknown[],
  keyOf: (item: unknown) => string,
  idOf: (item: unknown) => string,
  ignore: readonly string[],
): ListDiff {
  const a = new Map(before.map((item) => [keyOf(item), item]));
  const b = new Map(after.map((item) => [keyOf(item), item]));
  const diff: ListDiff = { added: [], removed: [], changed: [] };
  for (const [key, item] of b) if (!a.has(key)) diff.added.push(idOf(item));
  for (const [key, item] of a) if (!b.has(key)) diff.removed.push(idOf(item));
  for (const [key, item] of b) {
    const old = a.get(key);
    if (old === undefined) continue;
    const paths = diffValues(without(old, ignore), without(item, ignore), "");
    if (paths.length > 0) diff.changed.push({ id: idOf(item), paths });
  }
  return diff;
}

const text = (value: unknown) => (typeof value === "string" ? value : "");
const field = (key: string) => (item: unknown) => (isRecord(item) ? text(item[key]) : "");
const edgeKey = (item: unknown) => {
  if (!isRecord(item)) return "";
  return `${text(item.source)}:${text(item.sourcePort) || "out"}->${text(item.target)}:${text(item.targetPort) || "in"}`;
};
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const LISTS = ["nodes", "edges", "teams", "fields"];
/** Top-level keys that are not part of what the flow does: the schema pointer, the library-owned id, the canvas state. */
const NOT_COMPARED = ["$schema", "id", "ui", ...LISTS];

export function diffFlows(before: Flow, after: Flow): FlowDiff {
  const nodes = diffList(listOf(before.nodes), listOf(after.nodes), field("id"), field("id"), ["position"]);
  const beforeNodes = new Map(listOf(before.nodes).map((n) => [field("id")(n), n]));
  const moved = listOf(after.nodes)
    .filter((n) => {
      const old = beforeNodes.get(field("id")(n));
      return old !== undefined && diffValues(isRecord(old) ? old.position : undefined, isRecord(n) ? n.position : undefined, "").length > 0;
    })
    .map(field("id"));
  const diff: FlowDiff = {
    nodes: { ...nodes, moved },
    edges: diffList(listOf(before.edges), listOf(after.edges), edgeKey, field("id"), ["id"]),
    teams: diffList(listOf(before.teams), listOf(after.teams), field("id"), field("id"), []),
    fields: diffList(listOf(before.fields), listOf(after.fields), field("key"), field("key"), []),
    document: diffValues(without(before, NOT_COMPARED), without(after, NOT_COMPARED), ""),
    same: false,
  };
  const lists = [diff.nodes, diff.edges, diff.teams, diff.fields];
  diff.same = diff.document.length === 0 && lists.every((l) => l.added.length + l.removed.length + l.changed.length === 0);
  return diff;
}
