// Connecting ports: React Flow asks the engine's checkConnection whether an edge may be drawn; a refusal is said on the spot.
import { translate } from "../../i18n/catalogue";
import type { Connection, FinalConnectionState, IsValidConnection, OnConnect, OnConnectEnd, Edge as RfEdge } from "@xyflow/react";
import { useCallback, useMemo, useRef } from "react";
import { checkConnection, type Flow, type Issue } from "../../engine";
import { useT } from "../../i18n/useT";
import { freshEdgeId } from "../document";
import { useDesignerStore } from "../store/context";

type Candidate = { source: string; sourcePort: string; target: string; targetPort: string };

function candidateOf(c: Connection | RfEdge): Candidate {
  return { source: c.source, sourcePort: c.sourceHandle ?? "out", target: c.target, targetPort: c.targetHandle ?? "in" };
}

/** The candidate a finished drag described, whichever end it started from; null when both ends are outputs or both inputs. */
function candidateOfDrag(state: FinalConnectionState): Candidate | "same-kind" | null {
  const { fromHandle, toHandle } = state;
  if (!fromHandle || !toHandle) return null;
  if (fromHandle.nodeId === toHandle.nodeId && fromHandle.id === toHandle.id && fromHandle.type === toHandle.type) return null;
  if (fromHandle.type === toHandle.type) return "same-kind";
  const [out, inp] = fromHandle.type === "source" ? [fromHandle, toHandle] : [toHandle, fromHandle];
  return { source: out.nodeId, sourcePort: out.id ?? "out", target: inp.nodeId, targetPort: inp.id ?? "in" };
}

/** The id of the node card under the pointer where a drag ended, if any. */
function nodeUnder(event: MouseEvent | TouchEvent): string | null {
  const point = "changedTouches" in event ? event.changedTouches[0] : event;
  if (!point) return null;
  for (const el of document.elementsFromPoint(point.clientX, point.clientY)) {
    const card = el.closest(".react-flow__node");
    if (card) return card.getAttribute("data-id");
  }
  return null;
}

export function useConnectionRules() {
  const store = useDesignerStore();
  const { t, lang } = useT();
  // checkConnection validates the whole flow; React Flow asks on every pointer move near a handle, so answers are cached per document.
  const cache = useRef<{ flow: Flow | null; answers: Map<string, Issue[]> }>({ flow: null, answers: new Map() });

  const problemsOf = useCallback(
    (c: Candidate): Issue[] => {
      const flow = store.getState().flow;
      if (cache.current.flow !== flow) cache.current = { flow, answers: new Map() };
      const key = `${c.source}\u0000${c.sourcePort}\u0000${c.target}\u0000${c.targetPort}`;
      let answer = cache.current.answers.get(key);
      if (!answer) {
        const targetPort = c.targetPort === "in" ? {} : { targetPort: c.targetPort };
        answer = checkConnection(flow, { source: c.source, sourcePort: c.sourcePort, target: c.target, ...targetPort }, "en");
        cache.current.answers.set(key, answer);
      }
      return answer;
    },
    [store],
  );

  const refuse = useCallback(
    (issues: readonly Issue[]) => {
      const first = issues[0];
      if (first) store.getState().showNotice(t("canvas.refused", { reason: translate(first.code, first.params, lang) }));
    },
    [store, t, lang],
  );

  const isValidConnection: IsValidConnection = useCallback((c) => problemsOf(candidateOf(c)).length === 0, [problemsOf]);

  const addEdge = useCallback(
    (candidate: Candidate) => {
      const problems = problemsOf(candidate);
      if (problems.length > 0) return refuse(problems);
      store.getState().change(
        (d) => {
          const edge = {
            id: freshEdgeId(store.getState().flow),
            source: candidate.source,
            sourcePort: candidate.sourcePort,
            target: candidate.target,
          };
          d.edges.push(candidate.targetPort === "in" ? edge : { ...edge, targetPort: candidate.targetPort });
        },
        { history: "record" },
      );
      store.getState().showNotice(null);
    },
    [store, problemsOf, refuse],
  );

  const onConnect: OnConnect = useCallback((c) => addEdge(candidateOf(c)), [addEdge]);

  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state) => {
      if (state.isValid === true) return;
      if (state.isValid === false) {
        const candidate = candidateOfDrag(state);
        if (candidate === "same-kind") store.getState().showNotice(t("canvas.connectSameKind"));
        else if (candidate) refuse(problemsOf(candidate));
        return;
      }
      // Dropped away from any handle: onto another node's card means "connect to its input" (refused, with the engine's
      // reason, when that node has none, e.g. a trigger); onto empty canvas it is just a cancelled drag.
      const from = state.fromHandle;
      const target = from?.type === "source" ? nodeUnder(event) : null;
      if (!from || !target || target === from.nodeId) return;
      addEdge({ source: from.nodeId, sourcePort: from.id ?? "out", target, targetPort: "in" });
    },
    [store, t, problemsOf, refuse, addEdge],
  );

  return useMemo(() => ({ isValidConnection, onConnect, onConnectEnd }), [isValidConnection, onConnect, onConnectEnd]);
}
