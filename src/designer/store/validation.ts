// Live validation for the canvas: the engine's validateFlow, re-run only when something other than positions or the viewport changed.
import { validateFlow, type Flow, type Issue } from "../../engine";

export interface Validation {
  readonly issues: readonly Issue[];
  /** Issues per node id (issues without a node are flow-level). */
  readonly byNode: ReadonlyMap<string, readonly Issue[]>;
  /** When the engine threw on a half-edited document: the error text (editing goes on). */
  readonly crashed?: string;
}

export const EMPTY_VALIDATION: Validation = { issues: [], byNode: new Map() };

/** The parts of a flow validation reads; a drag changes only positions, so none of these change identity (immer shares them). */
export function semanticParts(flow: Flow): unknown[] {
  const parts: unknown[] = [flow.edges, flow.fields, flow.teams, flow.settings, flow.name];
  for (const node of flow.nodes) parts.push(node.id, node.type, node.label, node.config);
  return parts;
}

export function sameParts(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

function groupByNode(issues: readonly Issue[]): Map<string, Issue[]> {
  const byNode = new Map<string, Issue[]>();
  for (const issue of issues) {
    if (issue.nodeId === undefined) continue;
    const list = byNode.get(issue.nodeId);
    if (list) list.push(issue);
    else byNode.set(issue.nodeId, [issue]);
  }
  return byNode;
}

/** A memoised validator: messages are rendered later in the UI's language from each issue's code and params. */
export function createLiveValidator(): (flow: Flow) => Validation {
  let lastParts: unknown[] | null = null;
  let last: Validation = EMPTY_VALIDATION;
  return (flow) => {
    const parts = semanticParts(flow);
    if (lastParts && sameParts(parts, lastParts)) return last;
    lastParts = parts;
    try {
      const issues = validateFlow(flow, { lang: "en" });
      last = { issues, byNode: groupByNode(issues) };
    } catch (error) {
      last = { issues: [], byNode: new Map(), crashed: error instanceof Error ? error.message : String(error) };
    }
    return last;
  };
}
