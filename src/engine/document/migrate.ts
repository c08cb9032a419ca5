// Upgrades older flow documents to the current version, one registered step at a time.
import { CURRENT_VERSION } from "./schema";

export type RawDoc = Record<string, unknown>;
export interface Migration {
  readonly from: number;
  readonly describe: string;
  /** Returns a new document of version `from + 1`; never mutates its input. */
  readonly up: (doc: RawDoc) => RawDoc;
}

/**
 * Version 2 (spec §9) only adds optional things — holidays, dated leave, response speed, a route's `exclude` and the
 * `follow_up` node — so a version-1 document means the same as version 2: the step changes nothing but the number,
 * and points a `$schema` naming the version-1 schema file at the version-2 file (the old one no longer describes it).
 */
const v1ToV2: Migration = {
  from: 1,
  describe: "version 2: holidays, dated leave, response speed, reassignment and follow-up steps (nothing to change)",
  up: (doc) => {
    const next: RawDoc = { ...doc };
    if (typeof next.$schema === "string" && /leadwire\.flow\.v1\.json$/.test(next.$schema))
      next.$schema = next.$schema.replace(/v1\.json$/, "v2.json");
    return next;
  },
};

export const MIGRATIONS: readonly Migration[] = [v1ToV2];

export type MigrateResult =
  | { ok: true; doc: RawDoc; applied: string[] }
  | { ok: false; code: "doc.newer_version" | "doc.no_migration" | "doc.bad_version"; params: Record<string, number | string> };

export function migrate(doc: RawDoc, migrations: readonly Migration[] = MIGRATIONS, target: number = CURRENT_VERSION): MigrateResult {
  const version = doc.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { ok: false, code: "doc.bad_version", params: { version: String(version) } };
  }
  if (version > target) return { ok: false, code: "doc.newer_version", params: { version, supported: target } };
  let current = doc;
  const applied: string[] = [];
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, code: "doc.no_migration", params: { version: v } };
    current = { ...step.up(current), version: v + 1 };
    applied.push(step.describe);
  }
  return { ok: true, doc: current, applied };
}
