// Turns a flow document (file text or a POSTed object) into the service's active flow, or the problems that stop it.
import { compileFlow, FlowValidationError, safeLoadFlow, type Lang, type Issue } from "../../engine";
import type { ActiveFlow } from "./router";

export interface FlowProblem {
  readonly code?: string;
  readonly path?: string;
  readonly nodeId?: string;
  readonly message: string;
}

export type PreparedFlow =
  | { ok: true; active: ActiveFlow; warnings: readonly Issue[] }
  /** `load`: not a readable flow document (JSON, format, version, schema); `invalid`: a document with validation errors; `new_id`: another flow id, not confirmed. */
  | { ok: false; kind: "load" | "invalid" | "new_id"; problems: FlowProblem[] };

export function prepareFlow(input: unknown, lang: Lang): PreparedFlow {
  const loaded = safeLoadFlow(input, lang);
  if (!loaded.ok) return { ok: false, kind: "load", problems: loaded.problems.map(({ code, path, message }) => ({ code, path, message })) };
  try {
    const compiled = compileFlow(loaded.flow, { lang });
    return { ok: true, active: { id: compiled.flow.id, compiled }, warnings: compiled.issues };
  } catch (error) {
    if (!(error instanceof FlowValidationError)) throw error;
    const problems = error.issues
      .filter((i) => i.severity === "error")
      .map((i) => ({ code: i.code, ...(i.nodeId ? { nodeId: i.nodeId } : {}), ...(i.path ? { path: i.path } : {}), message: i.message }));
    return { ok: false, kind: "invalid", problems };
  }
}

/** One line per problem, for the terminal and the log. */
export function problemLine(p: FlowProblem): string {
  const where = [p.nodeId ? `node ${p.nodeId}` : "", p.path && !p.message.startsWith(p.path) ? p.path : ""].filter(Boolean).join(" ");
  return `error    ${where ? `${where}: ` : ""}${p.message}`;
}
