// The engine's public surface: one implementation for the designer, the worker, the CLI and the service.
import "../../nodes";
export { loadFlow, safeLoadFlow, FlowLoadError, jsonPath, type LoadProblem, type LoadResult } from "./document/load";
export {
  FlowSchema,
  CURRENT_VERSION,
  FORMAT,
  FIELD_TYPES,
  type Flow,
  type FlowNode,
  type NodeType,
  type NodeOf,
  type Edge,
  type Team,
  type Member,
  type FieldDef,
  type FieldType,
} from "./document/schema";
export { migrate, MIGRATIONS, type Migration } from "./document/migrate";
export { emptyFlowDocument } from "./document/empty";
export { validateFlow, hasErrors, knownFields, loadProblemIssues, type Issue } from "./validate";
export { compileFlow, FlowValidationError, type CompiledFlow, type RunOptions, type RunResult } from "./compile";
export { emptyState, normaliseState, type FlowState } from "./state";
export { gini, type Summary } from "./summary";
export { STATUSES, type Outcome, type OutcomeStatus, type Status, type TraceLine } from "./outcome";
export {
  parseEvents,
  parseEventsCsv,
  parseEventsJson,
  parseEventList,
  EVENT_TYPES,
  type LeadEvent,
  type EventType,
  type EventWarning,
  type EventParseResult,
} from "./events/parse";
export type { AssignedEvents } from "./events/supplied";
export { followUpFigures, percentile, NO_REASON, type FollowUpFigures } from "./life/summary";
export { mergeRunOutcomes } from "./life/merge";
export {
  TIMELINE_KINDS,
  nextTimer,
  type OwnerEntry,
  type OwnerWhy,
  type TimelineEntry,
  type TimelineKind,
  type TrackedLead,
} from "./life/types";
export type { RunWarning } from "./life/timed-run";
export { addWorkingMinutes, addDuration, type WorkCalendar } from "./working-time";
export type { Notification } from "./lead-run";
export { translate, LANGS, isLang, messagesFor, type Lang } from "./i18n";
export {
  defineMessages,
  engineTables,
  makeTranslator,
  flatten,
  type CodeOf,
  type EngineCode,
  type MessageTable,
  type Translate,
} from "./i18n";
export { OPERATORS, type Operator, type ConditionGroup, type Condition } from "./conditions/schema";
export { OPERATORS_BY_TYPE, valueShape, type ValueShape } from "./conditions/validate";
export { checkConnection } from "./connect";
export { portOf, inPortOf } from "./graph";
export { flowClock, flowSeed, flowTimeZone } from "./settings";
export { specOf, isEntry, endStatus, ownerAfter, assignsFrom, readsLeadFields, holdsLeads } from "./specs";
export type { RenamedRef, NodeSpec, SampleHint, WrittenField } from "./node-spec";
export { describeRule, describeRules } from "./conditions/describe";
export { withConditionBudget, ConditionBudgetError, DEFAULT_LEAD_BUDGET_MS, type BudgetOptions } from "./conditions/budget";
export { nodeRegistry } from "../../nodes";
export { rotationView, ROTATION_AHEAD, type RouteRotation, type RotationMember, type RotationText } from "../../nodes/route/rotation";

// Also for the app's own layers (designer, simulation, runtime, scripts); the library's public face is src/index.ts.
// Lead import's functions come from its own face, src/engine/leads/index.ts, so the designer loads them (and the CSV
// parser) only when leads are imported; its first load needs just the number and boolean readers and the types.
export { parseNumber, parseBoolean } from "./leads/coerce";
export type { ColumnInfo, ImportOptions, ImportResult, ImportWarning, Lead, LeadValue } from "./leads/types";
export type { WarningGroup } from "./leads/summary";
export { EXPR_FUNCTIONS, checkExpression, formatExprError } from "./expr";
export type { LocalText, MessageParams } from "./i18n";
export { MAX_GROUP_DEPTH, isExpression, isGroup, type ConditionValue, type Rule } from "./conditions/schema";
export { toTime, toBoolean, toNumber, normText, isEmptyValue } from "./conditions/values";
export type { WorkingHours } from "./document/schema";
export { SCHEMA_ID, SCHEMA_FILE, flowJsonSchema } from "./document/json-schema";
export { summarise } from "./summary";
export { makeClock, type Clock, type WindowKind } from "./time";
