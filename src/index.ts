// The `leadwire` package: the engine (load, validate, compile, run) and lead import, for Node, browsers and workers.
// Only what a caller needs is exported, each with its doc; the app's own layers use src/engine/index.ts instead.

// The flow document (spec §2).
export {
  /** Parses (JSON text or an object), migrates and schema-checks a flow document; throws {@link FlowLoadError} listing the problems. */
  loadFlow,
  /** {@link loadFlow} without throwing: `{ ok: true, flow, migrations }` or `{ ok: false, problems }`. */
  safeLoadFlow,
  /** Thrown by {@link loadFlow}: the message lists every problem; `problems` holds them with their JSON paths. */
  FlowLoadError,
  /** The zod schema of a flow document (version {@link CURRENT_VERSION}); its JSON Schema is public/schema/. */
  FlowSchema,
  /** The document's format tag, `"leadwire.flow"`. */
  FORMAT,
  /** The document version this engine writes; older documents are migrated on load. */
  CURRENT_VERSION,
  /** The types a lead field can have: string, number, boolean, date, enum, list. */
  FIELD_TYPES,
  /** Upgrades a raw document of an older version towards {@link CURRENT_VERSION}, one migration at a time. */
  migrate,
  /** A new, empty flow document (no fields, teams, nodes or edges) with the given id and name. */
  emptyFlowDocument,
  /** Checks a flow and returns every problem as an {@link Issue} in plain words (errors block a run, warnings do not). */
  validateFlow,
  /** True when any issue is an error, i.e. the flow cannot run. */
  hasErrors,
} from "./engine";
export type {
  /** One problem {@link safeLoadFlow} found: a code, its JSON path and a message. */
  LoadProblem,
  /** The result of {@link safeLoadFlow}. */
  LoadResult,
  /** A flow document: fields, teams, nodes, edges and settings. */
  Flow,
  /** One node of a flow (the union over all node types). */
  FlowNode,
  /** The node type names: trigger, filter, score, route, cap, notify, follow_up. */
  NodeType,
  /** The node of one type, e.g. `NodeOf<"route">`. */
  NodeOf,
  /** A connection from one node's output port to another node. */
  Edge,
  /** A team of members that route nodes assign leads to. */
  Team,
  /** A team member: id, name, weight, capacity, working hours, availability. */
  Member,
  /** A lead field the flow declares: key, label, type and options. */
  FieldDef,
  /** One of {@link FIELD_TYPES}. */
  FieldType,
  /** One problem {@link validateFlow} found: severity, code, message, and the node and path it concerns. */
  Issue,
  /** One condition of a filter or score rule: field, operator, value. */
  Condition,
  /** Conditions combined with all / any, possibly nested. */
  ConditionGroup,
  /** One of {@link OPERATORS}. */
  Operator,
} from "./engine";
export {
  /** The comparison operators a condition can use. */
  OPERATORS,
} from "./engine";

// Running leads (spec §6, §7).
export {
  /** Parses if needed, validates and compiles a flow once; the result's `run(leads, options)` routes leads. Throws {@link FlowValidationError} when the flow has errors. */
  compileFlow,
  /** Thrown by {@link compileFlow} when the flow has errors; `issues` holds them. */
  FlowValidationError,
  /** A state with no history: every counter at zero. */
  emptyState,
  /** Reads a saved state (from JSON): nothing starts fresh, missing parts are filled in, a non-state object throws. */
  normaliseState,
  /** The statuses a lead can end in: assigned, filtered, unassigned, no_trigger, error (waiting is an outcome status while a deadline is pending). */
  STATUSES,
} from "./engine";
export type {
  /** A compiled flow: its document, compile-time warnings, and `run`. */
  CompiledFlow,
  /** Options of `run`: the state to continue from, the reference time, traces, language. */
  RunOptions,
  /** What `run` returns: one outcome per lead, the summary, and the state to carry into the next run. */
  RunResult,
  /** What runs carry forward (cursors, counters, members' loads), as plain JSON keyed by node and member ids. */
  FlowState,
  /** The totals of a run: by status, owner, team (spread, Gini), node, edge, cap overflows, channels, grades. */
  Summary,
  /** The result of one lead: status, owner, team, score, grade, path, trace and notifications. */
  Outcome,
  /** One of {@link STATUSES}. */
  Status,
  /** One line of a lead's trace: the node, a message code with its parameters, and the text in plain words. */
  TraceLine,
  /** A message a notify node rendered for a lead (never sent by the engine). */
  Notification,
} from "./engine";

// Follow-up, events and time (spec §9).
export {
  /** Reads lead events (touched, converted, closed, rejected) from JSON or CSV text, whichever it is, with a warning per unusable row. */
  parseEvents,
  /** Reads lead events from a CSV with the columns id, lead, type, at, by, reason, value. */
  parseEventsCsv,
  /** Reads lead events from a JSON array. */
  parseEventsJson,
  /** The event types: touched, converted, closed, rejected. */
  EVENT_TYPES,
  /** The follow-up figures (touched, response minutes median/p90, met, breached, rejected, waiting, reassigned, converted) over outcomes. */
  followUpFigures,
  /** Joins the outcomes of several runs that carried state into each lead's latest story. */
  mergeRunOutcomes,
  /** Adds a duration to an instant on the calendar clock or on an owner's working hours (holidays and leave skipped). */
  addDuration,
} from "./engine";
export type {
  /** One lead event: id, lead, type, at, by, reason, value. */
  LeadEvent,
  /** One of {@link EVENT_TYPES}. */
  EventType,
  /** A row of an events file that could not be used, and why. */
  EventWarning,
  /** What {@link parseEvents} returns: the events and the warnings. */
  EventParseResult,
  /** The figures {@link followUpFigures} computes. */
  FollowUpFigures,
  /** One entry of a lead's timeline: when, what, which owner, which node. */
  TimelineEntry,
  /** One owner of a lead: who, since when, and why (assigned, breached, rejected). */
  OwnerEntry,
  /** An event or lead a run did not apply, and why. */
  RunWarning,
} from "./engine";

// Languages.
export {
  /** The languages messages come in: `en` and `zh-CN`. */
  LANGS,
  /** True when the value is one of {@link LANGS}. */
  isLang,
} from "./engine";
export type {
  /** One of {@link LANGS}. */
  Lang,
} from "./engine";

// Lead import (spec §5).
export {
  /** Reads CSV text into leads typed by the flow's fields, with a warning for every cell it could not use. */
  parseLeadsCsv,
  /** Reads JSON text (an array of objects) into leads typed by the flow's fields, with warnings. */
  parseLeadsJson,
  /** Types JS objects by the flow's fields, as {@link parseLeadsJson} does after parsing. */
  normaliseLeads,
  /** Groups import warnings by code and column (count, first rows, an example) so alike warnings read as one line. */
  summariseWarnings,
  /** One import warning in plain words in the given language. */
  formatImportWarning,
} from "./engine/leads";
export type {
  /** The leads read, the warnings, the columns found and the row count. */
  ImportResult,
  /** Options of lead import: the reference time, extra placeholders, a column-to-field map. */
  ImportOptions,
  /** One import problem: row, column, value, code and message. */
  ImportWarning,
  /** Warnings of one code and column: count, first rows and an example (from {@link summariseWarnings}). */
  WarningGroup,
  /** A lead: field key to value. */
  Lead,
  /** A lead field's value after import. */
  LeadValue,
} from "./engine";
