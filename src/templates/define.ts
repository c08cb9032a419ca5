// What a template is, and the helpers that keep each one short: texts in both languages, a left-to-right grid, wiring.
import { CURRENT_VERSION, FORMAT, type ConditionGroup, type Edge, type Flow, type Lang, type LocalText, type Lead } from "../engine";

export type { LocalText };

export interface Template {
  readonly id: string;
  readonly name: LocalText;
  /** One paragraph: what the flow does and how to adapt it (also the flow's `description`). */
  readonly description: LocalText;
  /** The flow with English names and labels. */
  readonly flow: Flow;
  /** The same flow with names, labels and messages in `lang`; the routing is identical. */
  flowFor(lang: Lang): Flow;
  /** Sample leads that show what the flow does; every one has an id and a createdAt. */
  readonly leads: readonly Lead[];
}

/** Chooses the text of the language being built. */
export type Say = (text: LocalText) => string;

export const COLUMN_WIDTH = 300;
export const ROW_HEIGHT = 170;

/** A node's position on a left-to-right grid: column = step along the flow, row = branch. */
export function at(column: number, row: number): { x: number; y: number } {
  return { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT };
}

/** Edges from `["route:assigned", "notify"]` pairs; the port defaults to `out`, ids are e1, e2 … */
export function wire(pairs: readonly (readonly [string, string])[]): Edge[] {
  return pairs.map(([from, to], i) => {
    const [source = "", sourcePort = "out"] = from.split(":");
    return { id: `e${i + 1}`, source, sourcePort, target: to };
  });
}

/** A condition group of one rule. */
export function all(rule: ConditionGroup["rules"][number]): ConditionGroup {
  return { op: "all", rules: [rule] };
}

/** Gives leads their createdAt, `stepMinutes` apart from `start` (a lead that has one keeps it). */
export function timed(start: string, stepMinutes: number, rows: readonly Lead[]): Lead[] {
  const t0 = Date.parse(start);
  return rows.map((row, i) => ({ createdAt: new Date(t0 + i * stepMinutes * 60_000).toISOString(), ...row }));
}

type FlowBody = Pick<Flow, "settings" | "fields" | "teams" | "nodes" | "edges">;

export interface TemplateSpec {
  id: string;
  name: LocalText;
  description: LocalText;
  leads: readonly Lead[];
  build: (say: Say) => FlowBody;
}

export function defineTemplate(spec: TemplateSpec): Template {
  const flowFor = (lang: Lang): Flow => {
    const say: Say = (text) => text[lang];
    const body = spec.build(say);
    return {
      format: FORMAT,
      version: CURRENT_VERSION,
      id: `tpl_${spec.id.replace(/-/g, "_")}`,
      name: say(spec.name),
      description: say(spec.description),
      settings: body.settings,
      fields: body.fields,
      teams: body.teams,
      nodes: body.nodes,
      edges: body.edges,
    };
  };
  return { id: spec.id, name: spec.name, description: spec.description, flow: flowFor("en"), flowFor, leads: spec.leads };
}
