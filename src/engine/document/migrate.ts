// Upgrades older flow documents to the current version, one registered step at a time.
import { CURRENT_VERSION } from "./schema";

export type RawDoc = Record<string, unknown>;
export interface Migration {
  readonly from: number;
  readonly describe: string;
  /** Returns a new document of version `from + 1`; never mutates its input. */
  readonly up: (doc: RawDoc) => RawDoc;
}

/** Version 1 is the first published format, so no step exists yet; version 2 adds `{ from: 1, … }` here. */
export const MIGRATIONS: readonly Migration[] = [];

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
