// Who is next: per route, the next five owners in order, each member's counts and room, and who is skipped now and why —
// read by the engine's rotationView from the last run's state (at its last lead's time) or from a saved state (now).
import { useMemo, useState } from "react";
import { rotationView, type RouteRotation } from "../../engine";
import { useT } from "../../i18n/useT";
import { useDesignerStore } from "../store/context";
import { useStableFlow } from "../store/useStableFlow";
import { readPickedFile, TextFileInput } from "./TextFileInput";
import { useRuns } from "./useRuns";

interface SavedState {
  readonly name: string;
  readonly state: unknown;
}

/** The instant a run's state stands at: its latest lead's created time (a simulation's "now"), else the present. */
function runEnd(leads: readonly { createdAt?: unknown }[]): number {
  let end = Number.NEGATIVE_INFINITY;
  for (const lead of leads) {
    const t = typeof lead.createdAt === "string" ? Date.parse(lead.createdAt) : NaN;
    if (t > end) end = t;
  }
  return Number.isFinite(end) ? end : Date.now();
}

export function WhoIsNext() {
  const { t, te, lang } = useT();
  const store = useDesignerStore();
  const flow = useStableFlow();
  const current = useRuns((s) => s.current);
  const [saved, setSaved] = useState<SavedState | null>(null);
  const [error, setError] = useState<string | null>(null);

  const view = useMemo((): { at: number; routes: RouteRotation[] } | { failed: string } | null => {
    const state = saved ? saved.state : current?.result.state;
    if (state === undefined) return null;
    const at = saved ? Date.now() : runEnd(current?.leads ?? []);
    try {
      return { at, routes: rotationView(flow, state, at) };
    } catch (e) {
      return { failed: e instanceof Error ? e.message : String(e) };
    }
  }, [flow, current, saved]);

  const load = async (file: File | undefined) => {
    if (!file) return;
    const read = await readPickedFile(file, t);
    if ("error" in read) return setError(read.error);
    try {
      setSaved({ name: read.name, state: JSON.parse(read.text) as unknown });
      setError(null);
    } catch {
      setError(t("next.badState", { name: read.name }));
    }
  };
  const when = (ms: number) => new Date(ms).toLocaleString(lang, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="lw-next">
      <div className="lw-next-source">
        <TextFileInput label={t("next.loadState")} onPick={(f) => void load(f)} />
        {saved && (
          <button type="button" onClick={() => setSaved(null)}>
            {t("next.useRun")}
          </button>
        )}
        {error && (
          <p role="alert" className="lw-form-error">
            {error}
          </p>
        )}
      </div>
      {view === null ? (
        <p className="lw-note">{t("next.noState")}</p>
      ) : "failed" in view ? (
        <p role="alert" className="lw-form-error">
          {t("next.failed", { detail: view.failed })}
        </p>
      ) : (
        <>
          <p className="lw-note" role="status">
            {saved ? t("next.fromSaved", { name: saved.name, time: when(view.at) }) : t("next.fromRun", { time: when(view.at) })}
          </p>
          {view.routes.length === 0 && <p className="lw-note">{t("next.noRoutes")}</p>}
          {view.routes.map((r) => (
            <section key={r.node} className="lw-next-route" aria-label={t("next.routeTitle", { name: r.name })}>
              <h3 className="lw-next-title">
                <button type="button" className="lw-linklike" onClick={() => store.getState().select({ nodes: [r.node], edges: [] })}>
                  {r.name}
                </button>{" "}
                <span className="lw-note">· {r.strategyText[lang]}</span>
              </h3>
              {r.next.length > 0 && (
                <ol className="lw-next-order" aria-label={t("next.order")}>
                  {r.next.map((m, i) => (
                    <li key={i}>
                      <span className="lw-next-pos" aria-hidden="true">
                        {i + 1}
                      </span>
                      {m.name}
                    </li>
                  ))}
                </ol>
              )}
              {r.stop && <p className="lw-next-stop">{te(r.stop.code, r.stop.params)}</p>}
              <table className="lw-sim-table lw-next-members">
                <caption>{t("next.members")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("next.member")}</th>
                    <th scope="col">{t("next.today")}</th>
                    <th scope="col">{t("next.week")}</th>
                    <th scope="col">{t("next.open")}</th>
                    <th scope="col">{t("next.left")}</th>
                    <th scope="col">{t("next.now")}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.members.map((m) => (
                    <tr key={m.id} className={m.skipped ? "lw-next-skipped" : undefined}>
                      <th scope="row">{m.name}</th>
                      <td>{m.today}</td>
                      <td>{m.thisWeek}</td>
                      <td>{m.open}</td>
                      <td>{m.capacityLeft === null ? t("next.noLimit") : m.capacityLeft}</td>
                      <td>{m.skipped ? t("next.skipped", { reason: te(m.skipped.code, m.skipped.params) }) : t("next.canTake")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ul className="lw-note lw-next-assume">
                {r.assumptions.map((a, i) => (
                  <li key={i}>{te(a.code, a.params)}</li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
