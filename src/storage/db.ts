// The browser database (Dexie over IndexedDB): flows with their drafts, frozen versions, settings and tried leads.
import { Dexie, type EntityTable, type Table } from "dexie";
import type { Flow, Lead } from "../engine";

export type FlowStatus = "draft" | "published";

/** One flow of the library: its metadata and the working draft the designer edits. */
export interface FlowRecord {
  /** The flow's id; always equal to `draft.id` (the library owns it). */
  id: string;
  name: string;
  /** `published` once a version was published; see `publishedRevision` for changes since. */
  status: FlowStatus;
  createdAt: number;
  updatedAt: number;
  nodeCount: number;
  /** Set while the flow is in the trash (ms since epoch); absent otherwise, so only trashed rows are in the index. */
  deletedAt?: number;
  /** Grows by one on every change of the draft; a save must name the revision it started from. */
  revision: number;
  /** The draft revision the last publish froze; absent before the first publish. */
  publishedRevision?: number;
  /** The newest version number; absent before the first publish. */
  latestVersion?: number;
  /** The working document. It may be incomplete (a half-filled form) — it is the user's work, never refused. */
  draft: Flow;
}

/** A frozen, published copy of a flow's draft. */
export interface VersionRecord {
  flowId: string;
  /** 1, 2, 3 … per flow. */
  version: number;
  note: string;
  author: string;
  createdAt: number;
  nodeCount: number;
  /** The draft revision this version froze. */
  draftRevision: number;
  doc: Flow;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** How a file's columns were read; the designer's mapping, kept as plain data. */
export interface StoredMapping {
  readonly columnMap: Readonly<Record<string, string>>;
  readonly placeholders: readonly string[];
  readonly types: Readonly<Record<string, string>>;
  readonly dateOrders?: Readonly<Record<string, "dmy" | "mdy">>;
}

/**
 * A file is kept as its text and mapping (the leads are read again on open: the flow's fields may have changed meanwhile);
 * generated leads are kept as they were made (regenerating would give other leads once the fields change).
 */
export type StoredLeadSource =
  | { readonly kind: "file"; readonly name: string; readonly text: string; readonly mapping: StoredMapping }
  | { readonly kind: "generated"; readonly count: number; readonly seed: number; readonly leads: readonly Lead[] };

export interface LeadSetRecord {
  flowId: string;
  savedAt: number;
  outcomeField: string;
  source: StoredLeadSource;
}

export const DB_NAME = "leadwire";

export class LeadwireDB extends Dexie {
  flows!: EntityTable<FlowRecord, "id">;
  versions!: Table<VersionRecord, [string, number]>;
  settings!: EntityTable<SettingRecord, "key">;
  leadSets!: EntityTable<LeadSetRecord, "flowId">;

  /** `options` passes `indexedDB`/`IDBKeyRange` through to Dexie (tests may inject a separate fake). */
  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // A new schema is a new `version(n)` block below this one (with an upgrade function when data must move); never edit a shipped one.
    this.version(1).stores({
      flows: "id, updatedAt, deletedAt",
      versions: "[flowId+version], flowId",
      settings: "key",
    });
    // 2: the leads each flow was last tried on (leadSets.ts); no data moves.
    this.version(2).stores({ leadSets: "flowId" });
  }
}

export function countNodes(doc: Flow): number {
  return Array.isArray(doc.nodes) ? doc.nodes.length : 0;
}
