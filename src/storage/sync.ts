// Cross-tab awareness: library changes are announced on BroadcastChannel("leadwire"); lists stay live with Dexie liveQuery.
import { liveQuery, type Observable } from "dexie";
import { z } from "zod";
import type { FlowLibrary, FlowSummary, LibraryEvent } from "./library";
import type { VersionSummary } from "./versions";

export const CHANNEL_NAME = "leadwire";

/** The part of BroadcastChannel the sync uses (a test or an old browser may pass another). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  close(): void;
}

const EventSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.enum(["created", "draft"]), flowId: z.string(), revision: z.number() }),
  z.object({ kind: z.enum(["trashed", "restored", "deleted"]), flowId: z.string() }),
  z.object({ kind: z.literal("published"), flowId: z.string(), version: z.number() }),
]);
/** Messages come from other tabs, possibly of another Leadwire version: they are parsed, never trusted. */
const MessageSchema = z.object({ tab: z.string(), event: EventSchema });

export type SyncListener = (event: LibraryEvent, fromTab: string) => void;

/** A change of the flow a tab shows, made elsewhere: the UI offers "reload / keep mine as a copy". */
export type ExternalChange = { kind: "draft"; flowId: string; revision: number } | { kind: "trashed" | "deleted"; flowId: string };

function openChannel(name: string): ChannelLike | null {
  return typeof BroadcastChannel === "function" ? new BroadcastChannel(name) : null;
}

function randomTabId(): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return `tab_${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export interface TabSyncOptions {
  channelName?: string;
  tabId?: string;
  /** Defaults to a BroadcastChannel; without one (no support) the sync is silent and saves still detect conflicts. */
  channel?: ChannelLike | null;
}

export class TabSync {
  readonly tabId: string;
  private readonly channel: ChannelLike | null;
  private readonly listeners = new Set<SyncListener>();

  constructor(options: TabSyncOptions = {}) {
    this.tabId = options.tabId ?? randomTabId();
    this.channel = options.channel === undefined ? openChannel(options.channelName ?? CHANNEL_NAME) : options.channel;
    this.channel?.addEventListener("message", (message) => {
      const parsed = MessageSchema.safeParse(message.data);
      if (!parsed.success || parsed.data.tab === this.tabId) return;
      for (const listener of [...this.listeners]) listener(parsed.data.event, parsed.data.tab);
    });
  }

  /** Tells the other tabs; pass it as the library's `onChange`. */
  readonly announce = (event: LibraryEvent): void => {
    this.channel?.postMessage({ tab: this.tabId, event });
  };

  /** Every change other tabs make to the library (a home screen refreshes on it). */
  subscribe(listener: SyncListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Calls `onExternal` when another tab saves a revision of `flowId` newer than the one this tab has
   * (`knownRevision`, e.g. the autosaver's), trashes or deletes it.
   */
  watchFlow(flowId: string, knownRevision: () => number, onExternal: (change: ExternalChange) => void): () => void {
    return this.subscribe((event) => {
      if (event.flowId !== flowId) return;
      if (event.kind === "draft" && event.revision > knownRevision()) onExternal({ kind: "draft", flowId, revision: event.revision });
      if (event.kind === "trashed" || event.kind === "deleted") onExternal({ kind: event.kind, flowId });
    });
  }

  close(): void {
    this.listeners.clear();
    this.channel?.close();
  }
}

/**
 * Reads the stored state of a flow and says whether it moved past `knownRevision` — for when a tab becomes visible
 * again (a message may have been missed while it slept, or the browser has no BroadcastChannel).
 */
export async function checkFlow(
  library: Pick<FlowLibrary, "summary">,
  flowId: string,
  knownRevision: number,
): Promise<ExternalChange | null> {
  const summary = await library.summary(flowId);
  if (!summary) return { kind: "deleted", flowId };
  if (summary.deletedAt !== undefined) return { kind: "trashed", flowId };
  if (summary.revision > knownRevision) return { kind: "draft", flowId, revision: summary.revision };
  return null;
}

/** The home screen's list, kept current by Dexie across tabs (`.subscribe(rows => …)`). */
export function liveFlowList(library: FlowLibrary, search = ""): Observable<FlowSummary[]> {
  return liveQuery(() => library.list(search));
}

export function liveTrash(library: FlowLibrary): Observable<FlowSummary[]> {
  return liveQuery(() => library.listTrash());
}

export function liveVersions(library: FlowLibrary, flowId: string): Observable<VersionSummary[]> {
  return liveQuery(() => library.listVersions(flowId));
}
