// What the library reports: its changes, announced to other tabs, and the conflicts that stop a save.
import type { Flow } from "../engine";

/** What changed in the library, announced to other tabs (see sync.ts). */
export type LibraryEvent =
  | { kind: "created" | "draft"; flowId: string; revision: number }
  | { kind: "trashed" | "restored" | "deleted"; flowId: string }
  | { kind: "published"; flowId: string; version: number };

/** Why a save did not happen: someone else changed, trashed or deleted the flow; `theirs` is what is stored now. */
export interface Conflict {
  reason: "changed" | "trashed" | "missing";
  theirs: Flow | null;
  theirRevision: number;
}
