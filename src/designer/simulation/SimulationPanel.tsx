// The "Leads & Run" drawer under the canvas: a toggle and tabs; its content (leads, run, results, charts, compare) loads on first open.
import { lazy, Suspense, useEffect, useState } from "react";
import { useT } from "../../i18n/useT";
import type { UiKey } from "../../i18n";
import type { Tab } from "./SimulationBody";
import { useRuns } from "./useRuns";
import "./simulation.css";

const SimulationBody = lazy(() => import("./SimulationBody").then((m) => ({ default: m.SimulationBody })));

const TABS: readonly [Tab, UiKey][] = [["leads", "simui.tabLeads"], ["results", "simui.tabResults"], ["charts", "simui.tabCharts"], ["outbox", "simui.tabOutbox"], ["compare", "simui.tabCompare"]];

export function SimulationPanel() {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  // Once opened, the content stays mounted (hidden when closed): a file, its mapping and a run in flight survive closing the drawer.
  const [opened, setOpened] = useState(false);
  const [tab, setTab] = useState<Tab>("leads");
  const current = useRuns((s) => s.current);
  useEffect(() => {
    if (current) setTab((was) => (was === "leads" ? "results" : was));
  }, [current]);

  return (
    <section className={`lw-sim${open ? " lw-sim-open" : ""}`} aria-labelledby="lw-sim-title">
      <div className="lw-sim-head">
        <h2 className="lw-panel-title" id="lw-sim-title">
          <button type="button" className="lw-sim-toggle" aria-expanded={open} aria-controls="lw-sim-body" onClick={() => { setOpen(!open); setOpened(true); }}>
            {open ? "▾" : "▸"} {t("simui.title")}
          </button>
        </h2>
        {open && (
          <div role="tablist" aria-label={t("simui.title")} className="lw-sim-tabs">
            {TABS.map(([id, key]) => (
              <button key={id} type="button" role="tab" id={`lw-sim-tab-${id}`} aria-selected={tab === id} aria-controls="lw-sim-body" onClick={() => setTab(id)}>{t(key)}</button>
            ))}
          </div>
        )}
      </div>
      {opened && (
        <div className="lw-sim-content" hidden={!open}>
          <Suspense fallback={<p className="lw-note">{t("simui.loading")}</p>}><SimulationBody tab={tab} onTab={setTab} /></Suspense>
        </div>
      )}
    </section>
  );
}
