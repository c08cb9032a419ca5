// The simulation's view state (leads, the latest runs, the chosen lead), one per designer; never in the document or the undo history.
import { createStore, type StoreApi } from "zustand/vanilla";
import type { RunResult, ImportWarning, Lead, LeadEvent, EventWarning } from "../../engine";
import { DEFAULT_CURVE, type SimulationProgress, type SimulationRun } from "../../simulation";

/** Where a run's traces are: its outcomes come without them, and the worker answers for one lead at a time. */
export type TraceSource = Pick<SimulationRun, "trace" | "firstTraceLines"> & Partial<Pick<SimulationRun, "stories">>;

export interface RunView {
  /** The run's outcomes carry no trace; ask `traces`. */
  readonly result: RunResult;
  readonly traces: TraceSource;
  /** The leads of this run, in the order of `result.outcomes`. */
  readonly leads: readonly Lead[];
  readonly flowName: string;
  readonly at: number;
  /** Flows with a follow-up step: where the first contacts came from and whether the assumption curve was on. */
  readonly followUp?: RunFollowUp;
}

export interface RunFollowUp {
  /** The imported events file's name, and how many of the run's leads it named (the model answered for the others). */
  readonly eventsName: string | null;
  readonly eventLeads: number;
  readonly seed: number;
  /** The curve's points when the assumption was on (shown wherever its effect shows), else null. */
  readonly curve: readonly { minutes: number; keep: number }[] | null;
  readonly outcomeField: string;
  /** The instant the run followed the leads to (ISO). */
  readonly end: string;
}

/** An imported events file: the parsed events and the per-row warnings (the parser's and unknown leads). */
export interface LoadedEvents {
  readonly name: string;
  readonly events: readonly LeadEvent[];
  readonly warnings: readonly EventWarning[];
}

export interface RunState {
  readonly leads: readonly Lead[] | null;
  /** Where the leads came from ("generated 500", a file name). */
  readonly source: string;
  readonly importWarnings: readonly ImportWarning[];
  readonly outcomeField: string;
  /** Follow-up events imported for the run (they replace the response model for the leads they name). */
  readonly events: LoadedEvents | null;
  /** The assumption that slower answers convert less (off by default), and its curve as the manager edited it. */
  readonly assume: boolean;
  readonly curve: readonly { minutes: number; keep: number }[];
  readonly running: boolean;
  readonly progress: SimulationProgress | null;
  /** A message about the last run attempt (empty, invalid, cancelled, failed). */
  readonly message: string | null;
  readonly current: RunView | null;
  readonly previous: RunView | null;
  /** The lead (index into current outcomes) whose path is lit and whose trace is shown. */
  readonly selectedLead: number | null;
}

export type RunStore = StoreApi<RunState>;

export function initialRunState(): RunState {
  return {
    leads: null,
    source: "",
    importWarnings: [],
    outcomeField: "",
    events: null,
    assume: false,
    curve: DEFAULT_CURVE,
    running: false,
    progress: null,
    message: null,
    current: null,
    previous: null,
    selectedLead: null,
  };
}

/** A designer's run store; the app makes one beside its designer store and hands it down through context. */
export function createRunStore(): RunStore {
  return createStore<RunState>()(() => initialRunState());
}

/** A finished run becomes current; the one before it stays for comparison. */
export function acceptRun(runs: RunStore, view: RunView): void {
  runs.setState((s) => ({ current: view, previous: s.current, running: false, progress: null, message: null, selectedLead: null }));
}
