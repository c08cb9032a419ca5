// The engine's state as flat fields (one per member, per node property, per entry of a node's per-member map), and back.
import type { FlowState } from "../../engine";

/**
 * Field names: `m␀<member>` → the member's JSON; `n␀<node>` → "{}" (the node exists); `n␀<node>␀<prop>` → the property's
 * JSON, or "{}" when the property is a map whose entries are fields `n␀<node>␀<prop>␀<key>`. A batch then reads and writes
 * only the fields of the members and map entries it touched, whatever the roster's size.
 */
export const SEP = "\u0000";
export const MAP_MARK = "{}";

export const memberField = (id: string) => `m${SEP}${id}`;
export const nodeField = (node: string) => `n${SEP}${node}`;
export const propField = (node: string, prop: string) => `n${SEP}${node}${SEP}${prop}`;
export const entryField = (node: string, prop: string, key: string) => `n${SEP}${node}${SEP}${prop}${SEP}${key}`;

export function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every field of one node's state (into `out`). */
export function flattenNode(node: string, value: Record<string, unknown>, out: Map<string, string>): void {
  out.set(nodeField(node), MAP_MARK);
  for (const [prop, v] of Object.entries(value)) flattenProp(node, prop, v, out);
}

export function flattenProp(node: string, prop: string, value: unknown, out: Map<string, string>): void {
  if (value === undefined) return;
  if (isPlainMap(value)) {
    out.set(propField(node, prop), MAP_MARK);
    for (const [key, v] of Object.entries(value)) if (v !== undefined) out.set(entryField(node, prop, key), JSON.stringify(v));
  } else out.set(propField(node, prop), JSON.stringify(value));
}

/** The nodes' and members' fields of a whole state. */
export function flattenState(state: Pick<FlowState, "nodes" | "members">): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, m] of Object.entries(state.members)) if (m !== undefined) out.set(memberField(id), JSON.stringify(m));
  for (const [id, n] of Object.entries(state.nodes)) if (isPlainMap(n)) flattenNode(id, n, out);
  return out;
}

/** Nodes and members rebuilt from their fields. */
export function unflatten(fields: Iterable<[string, string]>): Pick<FlowState, "nodes" | "members"> {
  const nodes: Record<string, Record<string, unknown>> = {};
  const members: FlowState["members"] = {};
  for (const [field, json] of fields) {
    const parts = field.split(SEP);
    const id = parts[1] ?? "";
    if (parts[0] === "m") {
      members[id] = JSON.parse(json) as FlowState["members"][string];
      continue;
    }
    const node = (nodes[id] ??= {});
    const prop = parts[2];
    if (prop === undefined) continue;
    if (parts.length === 3) {
      if (json === MAP_MARK) node[prop] ??= {};
      else node[prop] = JSON.parse(json);
    } else {
      const map = (isPlainMap(node[prop]) ? node[prop] : (node[prop] = {})) as Record<string, unknown>;
      map[parts.slice(3).join(SEP)] = JSON.parse(json);
    }
  }
  return { nodes, members };
}
