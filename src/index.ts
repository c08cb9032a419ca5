// The `leadwire` package: the engine (load, validate, compile, run) and lead import, for Node, browsers and workers.
export * from "./engine";
export { parseLeadsCsv, parseLeadsJson, normaliseLeads, summariseWarnings, formatImportWarning, type ImportResult, type ImportWarning } from "./engine";
