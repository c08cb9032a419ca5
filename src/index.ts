// The `leadwire` package: the engine (load, validate, compile, run) and lead import, for Node, browsers and workers.
/**
 * Everything the engine offers: `loadFlow`, `validateFlow`, `compileFlow(flow).run(leads, { state, now, events })`,
 * lead events (`parseEvents` reads a JSON array or CSV of `touched`/`converted`/`closed`/`rejected` with per-row
 * warnings), the follow-up figures (`followUpFigures` over each lead's latest outcome, `mergeRunOutcomes` to join the
 * outcomes of runs that carried state) and the working-hours clock (`addDuration`).
 */
export * from "./engine";
export { parseLeadsCsv, parseLeadsJson, normaliseLeads, summariseWarnings, formatImportWarning, type ImportResult, type ImportWarning } from "./engine/leads";
