// The simulation's public surface for the designer's results UI: generate, run in a worker, metrics, compare, export.
export { generateLeads, fieldHints, type GenerateOptions } from "./generate";
export { SimulationRunner, createSimulationWorker, type RunRequest, type SimulationRun } from "./runner";
export { createInProcessWorker } from "./in-process-worker";
export { runInChunks, simulate, DEFAULT_CHUNK_SIZE, type ChunkOptions, type ChunkedRun } from "./run-chunks";
export type {
  SimulationOptions,
  SimulationProgress,
  SimulationResult,
  SimulationRequest,
  SimulationResponse,
  OutcomeSlice,
  WireResult,
  TraceAnswer,
  Story,
  StoriesAnswer,
  FirstLinesAnswer,
  WorkerLike,
  WorkerScope,
} from "./worker-protocol";
export {
  computeMetrics,
  type Metrics,
  type MetricsOptions,
  type OwnerMetrics,
  type TeamMetrics,
  type ConversionMetrics,
  type WindowUse,
} from "./metrics";
export { auc, histogram, type Bin, type Rate } from "./stats";
export { compareRuns, type Comparison, type LeadChange, type LeadSide, type Delta } from "./compare";
export {
  resultsToCsv,
  resultsToJson,
  resultsToJsonText,
  withStories,
  type CsvOptions,
  type JsonOptions,
  type ResultsDocument,
} from "./export";
export { simulationMessages } from "./messages";
export {
  makeResponseModel,
  curveKeep,
  DEFAULT_CURVE,
  DEFAULT_RESPONSE_MINUTES,
  DEFAULT_RESPONSE_SPREAD,
  type CurvePoint,
  type ResponseModel,
  type ResponseModelOptions,
} from "./response-model";
export { runFollowUp, storyEnd, STORY_TAIL_DAYS, type FollowUpOptions } from "./follow-up-run";
export { followUpMessages } from "./follow-up-messages";
export { timelineParts, timelineWords, durationWords, curveWords, translateFollowUp, type TimelinePart } from "./timeline";
export { compareFollowUp, type FollowUpDelta, type FollowUpMeasure } from "./follow-up-compare";
