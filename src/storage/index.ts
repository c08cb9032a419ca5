// The flow library's public surface for the designer: database, library, versions, autosave, tab sync, import/export, diff.
export { LeadwireDB, DB_NAME, type FlowRecord, type VersionRecord, type SettingRecord, type FlowStatus } from "./db";
export {
  FlowLibrary,
  TRASH_DAYS,
  emptyFlowDocument,
  randomFlowId,
  type LibraryOptions,
  type LibraryEvent,
  type FlowSummary,
  type FlowDraft,
  type Conflict,
  type SaveResult,
  type CreateOptions,
} from "./library";
export { publishBlockers, type PublishOptions, type PublishResult, type VersionSummary } from "./versions";
export {
  Autosaver,
  autosaveText,
  describeSaveError,
  flushOnPageHide,
  type AutosaveOptions,
  type AutosaveState,
  type AutosaveStatus,
  type SaveError,
} from "./autosave";
export { TabSync, CHANNEL_NAME, checkFlow, liveFlowList, liveTrash, liveVersions, type ExternalChange, type TabSyncOptions } from "./sync";
export {
  exportFlow,
  exportText,
  exportFilename,
  importFlow,
  parseImport,
  normaliseForCompare,
  canonicalise,
  SCHEMA_ID,
  type ExportFile,
  type ImportMode,
  type ImportOptions,
  type ImportResult,
} from "./io";
export { diffFlows, type FlowDiff, type ListDiff, type ItemChange } from "./diff";
export { FlowLeadSets, type LeadSetRecord, type StoredLeadSource, type StoredMapping } from "./leadSets";
