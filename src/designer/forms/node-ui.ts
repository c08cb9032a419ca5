// The designer side of the node contract: what each node type's ui.ts gives (icon, summary, Inspector form) and gets.
import type { Draft } from "immer";
import type { ComponentType, LazyExoticComponent } from "react";
import type { T } from "../../i18n/useT";
import type { FieldDef, Flow, Issue, Lang, MessageParams, NodeOf, NodeType, Team } from "../../engine";

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

export interface SummaryContext {
  readonly t: T;
  /** An engine text by code (strategy and window names). */
  readonly te: (code: string, params?: MessageParams) => string;
  readonly lang: Lang;
  readonly teams: readonly Team[];
  readonly fieldLabels: ReadonlyMap<string, string>;
}

export interface NodeUi<K extends NodeType> {
  /** SVG path data on a 24×24 grid, drawn as a 2px stroke. */
  readonly icon: string;
  /** The type's accent colour (icon, card border, minimap). */
  readonly color: string;
  /** Engine text codes of the palette entry. */
  readonly palette: { readonly name: string; readonly description: string };
  /** One line on the node card saying what the node does, in the current language. */
  readonly summary: (node: NodeOf<K>, ctx: SummaryContext) => string;
  readonly Inspector: LazyExoticComponent<ComponentType<InspectorProps<K>>>;
}

export type NodeUiRegistry = { readonly [K in NodeType]: NodeUi<K> };
