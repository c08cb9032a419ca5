// The flow library: list, search, create, rename, duplicate, trash, and drafts saved with optimistic concurrency.
import { translate } from "./messages";
import { emptyFlowDocument, type Flow, type Lang } from "../engine";
import { countNodes, LeadwireDB, type FlowRecord, type VersionRecord } from "./db";
import type { Conflict, LibraryEvent } from "./events";
import { FlowLeadSets } from "./leadSets";
import { FlowVersions, type PublishOptions, type PublishResult, type VersionSummary } from "./versions";

export type { Conflict, LibraryEvent } from "./events";

export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A row of the home screen. */
export interface FlowSummary {
  id: string;
  name: string;
  status: FlowRecord["status"];
  createdAt: number;
  updatedAt: number;
  nodeCount: number;
  revision: number;
  latestVersion?: number;
  /** Published, and the draft changed since the last publish. */
  unpublishedChanges: boolean;
  /** In the trash since; absent for a live flow. */
  deletedAt?: number;
  /** When a trashed flow is purged for good (deletedAt + 30 days). */
  purgeAt?: number;
}

export interface FlowDraft {
  doc: Flow;
  revision: number;
  summary: FlowSummary;
}

export type SaveResult = { ok: true; revision: number } | { ok: false; conflict: Conflict };

export interface LibraryOptions {
  db?: LeadwireDB;
  /** The clock (ms since epoch); tests inject one to age the trash. */
  now?: () => number;
  newId?: () => string;
  /** Language of names the library makes ("Untitled flow", "… (copy)"). */
  lang?: Lang | (() => Lang);
  /** Called after every committed change; wire it to `TabSync.announce`. */
  onChange?: (event: LibraryEvent) => void;
}

export interface CreateOptions {
  name?: string;
  /** A document to start from (a template, an import, a copy); it is copied, never kept by reference. */
  from?: Flow;
  /** Keep this id when no flow (live or trashed) has it; otherwise a new id is made. */
  preferId?: string;
}

export function randomFlowId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return `f_${Array.from(bytes, (b) => b.toString(36).padStart(2, "0"))
    .join("")
    .slice(0, 12)}`;
}

export { emptyFlowDocument };

export function toSummary(rec: FlowRecord): FlowSummary {
  const summary: FlowSummary = {
    id: rec.id,
    name: rec.name,
    status: rec.status,
    createdAt: rec.createdAt,
    updatedAt: rec.updatedAt,
    nodeCount: rec.nodeCount,
    revision: rec.revision,
    unpublishedChanges: rec.publishedRevision !== undefined && rec.publishedRevision !== rec.revision,
  };
  if (rec.latestVersion !== undefined) summary.latestVersion = rec.latestVersion;
  if (rec.deletedAt !== undefined) {
    summary.deletedAt = rec.deletedAt;
    summary.purgeAt = rec.deletedAt + TRASH_DAYS * DAY_MS;
  }
  return summary;
}

/** Case- and width-insensitive text for search (「ＣＲＭ」 finds "crm"). */
function searchable(text: string): string {
  return text.normalize("NFKC").toLocaleLowerCase().trim();
}

function nameOf(doc: Flow): string {
  return typeof doc.name === "string" ? doc.name : "";
}

export class FlowLibrary {
  readonly db: LeadwireDB;
  readonly now: () => number;
  readonly versions: FlowVersions;
  readonly leadSets: FlowLeadSets;
  private readonly newId: () => string;
  private readonly langOption: LibraryOptions["lang"];
  private readonly onChange: (event: LibraryEvent) => void;

  constructor(options: LibraryOptions = {}) {
    this.db = options.db ?? new LeadwireDB();
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomFlowId;
    this.langOption = options.lang;
    this.onChange = options.onChange ?? (() => {});
    this.leadSets = new FlowLeadSets(this.db, this.now);
    this.versions = new FlowVersions(
      this.db,
      this.now,
      (e) => this.emit(e),
      () => this.lang,
    );
  }

  get lang(): Lang {
    const l = this.langOption;
    return typeof l === "function" ? l() : (l ?? "en");
  }

  emit(event: LibraryEvent): void {
    this.onChange(event);
  }

  /** Live flows, newest edit first; `search` matches anywhere in the name, ignoring case. */
  async list(search = ""): Promise<FlowSummary[]> {
    const needle = searchable(search);
    const rows = await this.db.flows
      .orderBy("updatedAt")
      .reverse()
      .filter((r) => r.deletedAt === undefined && (needle === "" || searchable(r.name).includes(needle)))
      .toArray();
    return rows.map(toSummary);
  }

  /** Trashed flows, most recently deleted first. */
  async listTrash(): Promise<FlowSummary[]> {
    const rows = await this.db.flows.orderBy("deletedAt").reverse().toArray();
    return rows.map(toSummary);
  }

  async summary(id: string): Promise<FlowSummary | null> {
    const rec = await this.db.flows.get(id);
    return rec ? toSummary(rec) : null;
  }

  /** The draft of a flow (also of a trashed one: `summary.deletedAt` says so); null when there is none. */
  async getDraft(id: string): Promise<FlowDraft | null> {
    const rec = await this.db.flows.get(id);
    return rec ? { doc: rec.draft, revision: rec.revision, summary: toSummary(rec) } : null;
  }

  async create(options: CreateOptions = {}): Promise<FlowDraft> {
    const draft = await this.db.transaction("rw", this.db.flows, async () => {
      const preferred = options.preferId;
      const free = preferred !== undefined && preferred !== "" && (await this.db.flows.get(preferred)) === undefined;
      const id = free ? preferred : await this.freshId();
      const base = options.from ? structuredClone(options.from) : emptyFlowDocument(id, translate("storage.untitled", {}, this.lang));
      const doc: Flow = { ...base, id, ...(options.name !== undefined ? { name: options.name } : {}) };
      delete (doc as Record<string, unknown>).$schema;
      const at = this.now();
      const rec: FlowRecord = {
        id,
        name: nameOf(doc),
        status: "draft",
        createdAt: at,
        updatedAt: at,
        nodeCount: countNodes(doc),
        revision: 1,
        draft: doc,
      };
      await this.db.flows.add(rec);
      return { doc, revision: 1, summary: toSummary(rec) };
    });
    this.emit({ kind: "created", flowId: draft.summary.id, revision: 1 });
    return draft;
  }

  private async freshId(): Promise<string> {
    for (;;) {
      const id = this.newId();
      if ((await this.db.flows.get(id)) === undefined) return id;
    }
  }

  /**
   * Saves the draft if it is still at `expectedRevision` (the revision this tab loaded or last saved); otherwise
   * nothing is written and the conflict says what is stored now. Never overwrites another tab's newer work.
   */
  async saveDraft(id: string, doc: Flow, expectedRevision: number): Promise<SaveResult> {
    const result = await this.db.transaction("rw", this.db.flows, async (): Promise<SaveResult> => {
      const rec = await this.db.flows.get(id);
      if (!rec) return { ok: false, conflict: { reason: "missing", theirs: null, theirRevision: 0 } };
      if (rec.deletedAt !== undefined)
        return { ok: false, conflict: { reason: "trashed", theirs: rec.draft, theirRevision: rec.revision } };
      if (rec.revision !== expectedRevision)
        return { ok: false, conflict: { reason: "changed", theirs: rec.draft, theirRevision: rec.revision } };
      await this.writeDraft(rec, { ...doc, id });
      return { ok: true, revision: rec.revision + 1 };
    });
    if (result.ok) this.emit({ kind: "draft", flowId: id, revision: result.revision });
    return result;
  }

  private async writeDraft(rec: FlowRecord, draft: Flow): Promise<FlowRecord> {
    const next: FlowRecord = {
      ...rec,
      name: nameOf(draft),
      nodeCount: countNodes(draft),
      updatedAt: this.now(),
      revision: rec.revision + 1,
      draft,
    };
    await this.db.flows.put(next);
    return next;
  }

  /** Renames a flow (its draft's `name`); this is a change of the draft, so a tab editing it learns of it. */
  async rename(id: string, name: string): Promise<FlowSummary | null> {
    const rec = await this.db.transaction("rw", this.db.flows, async () => {
      const current = await this.db.flows.get(id);
      return current ? this.writeDraft(current, { ...current.draft, name }) : null;
    });
    if (rec) this.emit({ kind: "draft", flowId: id, revision: rec.revision });
    return rec ? toSummary(rec) : null;
  }

  /** A new flow with a copy of the draft (not its versions), named "… (copy)". */
  async duplicate(id: string): Promise<FlowDraft | null> {
    const rec = await this.db.flows.get(id);
    if (!rec) return null;
    return this.create({ from: rec.draft, name: translate("storage.copy_name", { name: rec.name }, this.lang) });
  }

  /** Moves a flow to the trash; it stays recoverable for 30 days. */
  async trash(id: string): Promise<FlowSummary | null> {
    return this.setDeleted(id, this.now(), "trashed");
  }

  async restore(id: string): Promise<FlowSummary | null> {
    return this.setDeleted(id, undefined, "restored");
  }

  private async setDeleted(id: string, deletedAt: number | undefined, kind: "trashed" | "restored"): Promise<FlowSummary | null> {
    const rec = await this.db.transaction("rw", this.db.flows, async () => {
      const current = await this.db.flows.get(id);
      if (!current) return null;
      const next: FlowRecord = { ...current };
      if (deletedAt === undefined) delete next.deletedAt;
      else next.deletedAt = deletedAt;
      await this.db.flows.put(next);
      return next;
    });
    if (rec) this.emit({ kind, flowId: id });
    return rec ? toSummary(rec) : null;
  }

  /** Freezes the stored draft as the next version (see FlowVersions.publish). */
  publish(id: string, options: PublishOptions): Promise<PublishResult> {
    return this.versions.publish(id, options);
  }

  listVersions(id: string): Promise<VersionSummary[]> {
    return this.versions.list(id);
  }

  getVersion(id: string, version: number): Promise<VersionRecord | null> {
    return this.versions.get(id, version);
  }

  /** The document of a version, to put into the draft (the designer makes that one undoable change). */
  restoreVersion(id: string, version: number): Promise<Flow | null> {
    return this.versions.restore(id, version);
  }

  /** Deletes for good every flow in the trash for 30 days or more, with its versions; returns their ids. */
  async purgeTrash(): Promise<string[]> {
    const cutoff = this.now() - TRASH_DAYS * DAY_MS;
    const ids = await this.db.flows.where("deletedAt").belowOrEqual(cutoff).primaryKeys();
    await this.deleteFlows(ids);
    return ids;
  }

  /** "Delete forever" from the trash view; a live flow is never deleted this way (trash it first). */
  async deleteForever(id: string): Promise<boolean> {
    const rec = await this.db.flows.get(id);
    if (!rec || rec.deletedAt === undefined) return false;
    await this.deleteFlows([id]);
    return true;
  }

  private async deleteFlows(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.transaction("rw", this.db.flows, this.db.versions, this.db.leadSets, async () => {
      await this.db.flows.bulkDelete([...ids]);
      await this.db.leadSets.bulkDelete([...ids]);
      await this.db.versions
        .where("flowId")
        .anyOf([...ids])
        .delete();
    });
    for (const flowId of ids) this.emit({ kind: "deleted", flowId });
  }

  /** A stored setting (e.g. the author name for publishing); `unknown`, so the caller checks its shape. */
  async getSetting(key: string): Promise<unknown> {
    return (await this.db.settings.get(key))?.value;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.db.settings.put({ key, value });
  }
}
