// The contract between the inspector host (canvas side) and each node type's Inspector form (nodes/<type>/Inspector.tsx).
import type { Draft } from "immer";
import type { FieldDef, Flow, NodeOf, NodeType, Team, Issue, Lang } from "../engine";

export interface InspectorProps<T extends NodeType> {
  /** The node being edited, as it is in the document now. */
  readonly node: NodeOf<T>;
  /** The whole document (read-only here): fields, teams, other nodes. */
  readonly flow: Flow;
  /** Fields a condition may use: the flow's fields, built-ins and fields other nodes write, plus imported lead columns. */
  readonly fields: readonly FieldDef[];
  /** Validation issues of this node (from the engine), to show beside the right control. */
  readonly issues: readonly Issue[];
  readonly lang: Lang;
  /** Changes this node's config as one undoable step; `mark` groups several calls (typing in one box) into one step. */
  readonly updateConfig: (recipe: (config: Draft<NodeOf<T>["config"]>) => void, options?: { mark?: string }) => void;
  /** Changes the whole document as one undoable step (e.g. the roster editor adds a team). */
  readonly updateFlow: (recipe: (flow: Draft<Flow>) => void, options?: { mark?: string }) => void;
}

export type TeamDraft = Draft<Team>;
