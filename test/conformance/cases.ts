// Loads the conformance fixtures: each JSON file is a flow, leads, a reference time and the expected outcomes.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Flow } from "../../src/engine";

export interface ConformanceCase {
  name: string;
  description: string;
  flow: Flow;
  leads: Record<string, unknown>[];
  now: string;
  /** Expected outcomes, compared field by field (only the fields given). */
  expect: Record<string, unknown>[];
  /** Expected parts of the summary. */
  summary?: Record<string, unknown>;
  /** Events after assignment (spec §9), passed to the run with `now`. */
  events?: Record<string, unknown>[];
  /** Expected run warnings, in order (only the fields given). */
  warnings?: Record<string, unknown>[];
  /** Expected leads and events after `now`. */
  notDue?: { leads: string[]; events: string[] };
}

/** The run options a fixture asks for: its time, and its events when it has any. */
export function runOptionsOf(c: ConformanceCase): { now: string; events?: Record<string, unknown>[] } {
  return c.events ? { now: c.now, events: c.events } : { now: c.now };
}

const DIR = new URL(".", import.meta.url).pathname;

export function conformanceCases(): ConformanceCase[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ""), ...(JSON.parse(readFileSync(join(DIR, f), "utf8")) as Omit<ConformanceCase, "name">) }));
}
