// The "Leads & Run" drawer under the canvas: a toggle and tabs; its content (leads, run, results, charts, compare) loads on first open.
// Open, it is a split with the canvas: a handle (drag or arrow keys) sets its height, remembered; the canvas keeps half the window.
import { lazy, Suspense, useEffect, useState, type KeyboardEvent, type PointerEvent } from "react";
import { useRoomPref } from "../shell/prefs";
import { useT } from "../../i18n/useT";
import type { UiKey } from "../../i18n";
import type { Tab } from "./SimulationBody";
import { useRuns } from "./useRuns";
import "./simulation.css";

const SimulationBody = lazy(() => import("./SimulationBody").then((m) => ({ default: m.SimulationBody })));

const TABS: readonly [Tab, UiKey | "fu.tab"][] = [
  ["leads", "simui.tabLeads"],
  ["test", "testlead.tab"],
  ["results", "simui.tabResults"],
  ["followup", "fu.tab"],
  ["charts", "simui.tabCharts"],
  ["outbox", "simui.tabOutbox"],
  ["next", "next.tab"],
  ["compare", "simui.tabCompare"],
];

const MIN_HEIGHT = 120;
const STEP = 24;
/** The tallest the drawer may be: the canvas keeps half the window, and the toolbar and issues bar (about 90 px) stay. */
const maxHeight = () => Math.max(MIN_HEIGHT, Math.round(window.innerHeight / 2 - 90));
const clamp = (h: number) => Math.min(maxHeight(), Math.max(MIN_HEIGHT, Math.round(h)));

function SplitHandle({ height: stored, onHeight }: { height: number; onHeight: (h: number) => void }) {
  const { t } = useT();
  // What shows: a height remembered from a taller window is capped here.
  const height = Math.min(stored, maxHeight());
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const startY = event.clientY;
    const start = height;
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) => onHeight(clamp(start + startY - e.clientY));
    const up = () => {
      target.removeEventListener("pointermove", move);
      target.removeEventListener("pointerup", up);
      target.removeEventListener("pointercancel", up);
    };
    target.addEventListener("pointermove", move);
    target.addEventListener("pointerup", up);
    target.addEventListener("pointercancel", up);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = { ArrowUp: height + STEP, ArrowDown: height - STEP, Home: maxHeight(), End: MIN_HEIGHT }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onHeight(clamp(next));
  };
  return (
    <div
      className="lw-split"
      role="separator"
      aria-orientation="horizontal"
      aria-label={t("simui.resize")}
      aria-controls="lw-sim-body"
      aria-valuemin={MIN_HEIGHT}
      aria-valuemax={maxHeight()}
      aria-valuenow={height}
      tabIndex={0}
      title={t("simui.resize")}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}

export function SimulationPanel() {
  const { t, te } = useT();
  const [open, setOpen] = useState(false);
  // Once opened, the content stays mounted (hidden when closed): a file, its mapping and a run in flight survive closing the drawer.
  const [opened, setOpened] = useState(false);
  const [tab, setTab] = useState<Tab>("leads");
  const current = useRuns((s) => s.current);
  // The Follow-up tab shows once a run of a flow with a follow-up step is there.
  const followUp = useRuns((s) => s.current?.result.summary.followUp !== undefined);
  const [height, setHeight] = useRoomPref("simHeight");
  useEffect(() => {
    if (current) setTab((was) => (was === "leads" ? "results" : was));
  }, [current]);

  return (
    <section
      className={`lw-sim${open ? " lw-sim-open" : ""}`}
      aria-labelledby="lw-sim-title"
      style={open ? { flexBasis: Math.min(height, maxHeight()) } : undefined}
    >
      {open && <SplitHandle height={height} onHeight={setHeight} />}
      <div className="lw-sim-head">
        <h2 className="lw-panel-title" id="lw-sim-title">
          <button
            type="button"
            className="lw-sim-toggle"
            aria-expanded={open}
            aria-controls="lw-sim-body"
            onClick={() => {
              setOpen(!open);
              setOpened(true);
            }}
          >
            {open ? "▾" : "▸"} {t("simui.title")}
          </button>
        </h2>
        {open && (
          <div role="tablist" aria-label={t("simui.title")} className="lw-sim-tabs">
            {TABS.filter(([id]) => id !== "followup" || followUp).map(([id, key]) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`lw-sim-tab-${id}`}
                aria-selected={tab === id}
                aria-controls="lw-sim-body"
                onClick={() => setTab(id)}
              >
                {key === "fu.tab" ? te(key) : t(key)}
              </button>
            ))}
          </div>
        )}
      </div>
      {opened && (
        <div className="lw-sim-content" hidden={!open}>
          <Suspense fallback={<p className="lw-note">{t("simui.loading")}</p>}>
            <SimulationBody tab={tab} onTab={setTab} />
          </Suspense>
        </div>
      )}
    </section>
  );
}
