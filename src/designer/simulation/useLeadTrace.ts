// The chosen lead's trace, asked of the worker that ran it (outcomes come back without traces); null while it is on its way.
import { useEffect, useState } from "react";
import type { TraceAnswer } from "../../simulation";
import type { RunView } from "./runStore";

interface Fetched {
  readonly view: RunView;
  readonly lead: number;
  readonly answer: TraceAnswer;
}

/** Asked once per run and lead; switching language re-renders the lines from their codes without asking again. */
export function useLeadTrace(view: RunView | null, lead: number | null): TraceAnswer | null {
  const [fetched, setFetched] = useState<Fetched | null>(null);
  useEffect(() => {
    if (!view || lead === null) return;
    let live = true;
    void view.traces.trace(lead).then((answer) => {
      if (live) setFetched({ view, lead, answer });
    });
    return () => {
      live = false;
    };
  }, [view, lead]);
  return fetched && fetched.view === view && fetched.lead === lead ? fetched.answer : null;
}
