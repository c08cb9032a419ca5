// Published versions of a flow: publish freezes the draft with a note; versions are listed, opened and restored.
import { translate } from "./messages";
import { Dexie } from "dexie";
import { loadProblemIssues, safeLoadFlow, validateFlow, type Flow, type Issue, type Lang } from "../engine";
import type { LeadwireDB, VersionRecord } from "./db";
import type { Conflict, LibraryEvent } from "./events";

export type VersionSummary = Omit<VersionRecord, "doc">;

export interface PublishOptions {
  note: string;
  author: string;
  /** When given, publishing only happens if the stored draft is still at this revision (flush the autosaver first). */
  expectedRevision?: number;
}

export type PublishResult =
  | { ok: true; version: VersionSummary }
  /** The draft has errors (schema or validation); a published version is always one the runtime accepts. */
  | { ok: false; blocked: { message: string; issues: Issue[] } }
  | { ok: false; conflict: Conflict };

function summaryOf(rec: VersionRecord): VersionSummary {
  const { doc: _doc, ...rest } = rec;
  return rest;
}

/** Errors that keep a draft from being published: schema problems first, then validation errors (warnings pass). */
export function publishBlockers(doc: Flow, lang: Lang): Issue[] {
  const loaded = safeLoadFlow(doc, lang);
  if (!loaded.ok) return loadProblemIssues(loaded.problems);
  return validateFlow(loaded.flow, { lang }).filter((i) => i.severity === "error");
}

export class FlowVersions {
  constructor(
    private readonly db: LeadwireDB,
    private readonly now: () => number,
    private readonly emit: (event: LibraryEvent) => void,
    private readonly lang: () => Lang,
  ) {}

  async publish(flowId: string, options: PublishOptions): Promise<PublishResult> {
    const lang = this.lang();
    const result = await this.db.transaction("rw", this.db.flows, this.db.versions, async (): Promise<PublishResult> => {
      const rec = await this.db.flows.get(flowId);
      if (!rec) return { ok: false, conflict: { reason: "missing", theirs: null, theirRevision: 0 } };
      if (rec.deletedAt !== undefined)
        return { ok: false, conflict: { reason: "trashed", theirs: rec.draft, theirRevision: rec.revision } };
      if (options.expectedRevision !== undefined && options.expectedRevision !== rec.revision) {
        return { ok: false, conflict: { reason: "changed", theirs: rec.draft, theirRevision: rec.revision } };
      }
      const issues = publishBlockers(rec.draft, lang);
      if (issues.length > 0)
        return { ok: false, blocked: { message: translate("storage.publish_blocked", { count: issues.length }, lang), issues } };
      const version: VersionRecord = {
        flowId,
        version: (rec.latestVersion ?? 0) + 1,
        note: options.note,
        author: options.author,
        createdAt: this.now(),
        nodeCount: rec.nodeCount,
        draftRevision: rec.revision,
        doc: rec.draft,
      };
      await this.db.versions.add(version);
      await this.db.flows.put({ ...rec, status: "published", publishedRevision: rec.revision, latestVersion: version.version });
      return { ok: true, version: summaryOf(version) };
    });
    if (result.ok) this.emit({ kind: "published", flowId, version: result.version.version });
    return result;
  }

  /** Versions of a flow, newest first, without their documents (the history list). */
  async list(flowId: string): Promise<VersionSummary[]> {
    const rows = await this.db.versions
      .where("[flowId+version]")
      .between([flowId, Dexie.minKey], [flowId, Dexie.maxKey])
      .reverse()
      .toArray();
    return rows.map(summaryOf);
  }

  /** One version with its frozen document, to open read-only or compare with the draft. */
  async get(flowId: string, version: number): Promise<VersionRecord | null> {
    return (await this.db.versions.get([flowId, version])) ?? null;
  }

  /** A copy of a version's document with the flow's id, for the designer to put into the draft as one undoable change. */
  async restore(flowId: string, version: number): Promise<Flow | null> {
    const rec = await this.get(flowId, version);
    return rec ? { ...structuredClone(rec.doc), id: flowId } : null;
  }
}
