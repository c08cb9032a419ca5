// Matches the engine's validation issues (JSON paths into the document) to the form control they concern.
import type { Issue } from "../../engine";

const CONFIG_PATH = /^\$\.nodes\[\d+\]\.config(?:\.(.*))?$/;

/** The part of an issue's path inside the node's config ("conditions.rules[0].value"); "" for the config itself, null when outside it. */
export function configPath(issue: Issue): string | null {
  if (!issue.path) return null;
  const m = CONFIG_PATH.exec(issue.path);
  if (!m) return null;
  return m[1] ?? "";
}

/** The issues whose path inside the config is exactly `path`. */
export function issuesAt(issues: readonly Issue[], path: string): Issue[] {
  return issues.filter((i) => configPath(i) === path);
}

/** The issues at `prefix` or anywhere inside it (e.g. every issue of a rule's condition). */
export function issuesUnder(issues: readonly Issue[], prefix: string): Issue[] {
  return issues.filter((i) => {
    const p = configPath(i);
    return p !== null && (p === prefix || p.startsWith(`${prefix}.`) || p.startsWith(`${prefix}[`));
  });
}

/** Issues no control of the form shows: outside the config, or under none of the form's claimed prefixes. */
export function unclaimedIssues(issues: readonly Issue[], claims: readonly string[]): Issue[] {
  return issues.filter((i) => {
    const p = configPath(i);
    if (p === null || p === "") return true;
    return !claims.some((c) => p === c || p.startsWith(`${c}.`) || p.startsWith(`${c}[`));
  });
}

/** Joins a path and a key the way the engine writes paths: `a.b`, `a[2]`. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === "number") return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}
