// Leads & Run, flows with a follow-up step: import an events file (warnings grouped per kind) and see the response model.
import { useEffect, useMemo, useState } from "react";
import { holdsLeads } from "../../engine";
import { curveWords, DEFAULT_RESPONSE_MINUTES, DEFAULT_RESPONSE_SPREAD } from "../../simulation";
import { GROUPS, groupWarnings, readEventsFile, SHOWN_ROWS } from "./importEvents";
import { CurveEditor } from "./CurveEditor";
import { useT } from "../../i18n/useT";
import { useStableFlow } from "../store/useStableFlow";
import { readPickedFile, TextFileInput } from "./TextFileInput";
import { useRunStore, useRuns } from "./useRuns";

export function FollowUpSource() {
  const { t, te, lang } = useT();
  const runs = useRunStore();
  const flow = useStableFlow();
  const leads = useRuns((s) => s.leads);
  const events = useRuns((s) => s.events);
  const assume = useRuns((s) => s.assume);
  const outcomeField = useRuns((s) => s.outcomeField);
  const curve = useRuns((s) => s.curve);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const follows = holdsLeads(flow);
  const leadIds = useMemo(() => (leads ? new Set(leads.map((l) => String(l.id))) : null), [leads]);
  const read = useMemo(() => (file ? readEventsFile(file.text, leadIds, lang) : null), [file, leadIds, lang]);
  useEffect(() => {
    runs.setState({ events: file && read ? { name: file.name, events: read.events, warnings: read.warnings } : null });
  }, [file, read, runs]);

  const load = async (picked: File | undefined) => {
    if (!picked) return;
    const read = await readPickedFile(picked, t);
    if ("error" in read) return setFileError(read.error);
    setFileError(null);
    setFile(read);
  };

  if (!follows) return null;
  const members = flow.teams.flatMap((team) => team.members).filter((m, i, all) => all.findIndex((x) => x.id === m.id) === i);
  const grouped = groupWarnings(events?.warnings ?? []);
  const named = new Set(events?.events.map((e) => e.lead)).size;

  return (
    <div className="lw-sim-source lw-fu-source">
      <fieldset className="lw-sim-box">
        <legend>{te("fu.events.title")}</legend>
        <p className="lw-note">{te("fu.events.hint")}</p>
        <TextFileInput label={te("fu.events.file")} onPick={(f) => void load(f)} />
        {fileError && (
          <p role="alert" className="lw-form-error">
            {fileError}
          </p>
        )}
        {events && (
          <>
            <p className="lw-note lw-fu-events-loaded">
              {te("fu.events.loaded", { name: events.name, events: events.events.length, leads: named })}{" "}
              <button type="button" onClick={() => setFile(null)}>
                {te("fu.events.clear")}
              </button>
            </p>
            {GROUPS.filter((g) => grouped.has(g)).map((g) => {
              const list = grouped.get(g) ?? [];
              return (
                <details key={g} className="lw-sim-warnings lw-fu-warnings" data-group={g}>
                  <summary>{te(`fu.events.${g}`, { count: list.length })}</summary>
                  <ul tabIndex={0}>
                    {list.slice(0, SHOWN_ROWS).map((w, i) => (
                      <li key={i}>{w.message}</li>
                    ))}
                  </ul>
                  {list.length > SHOWN_ROWS && <p className="lw-note">{t("simui.moreWarnings", { count: list.length - SHOWN_ROWS })}</p>}
                </details>
              );
            })}
          </>
        )}
      </fieldset>
      {
        <fieldset className="lw-sim-box">
          <legend>{te("fu.model.title")}</legend>
          <ul className="lw-fu-model">
            {members.map((m) => (
              <li key={m.id}>
                {te(m.responseMinutes === undefined ? "fu.model.default" : "fu.model.member", {
                  name: m.name || m.id,
                  median: m.responseMinutes ?? DEFAULT_RESPONSE_MINUTES,
                  spread: m.responseSpread ?? DEFAULT_RESPONSE_SPREAD,
                })}
              </li>
            ))}
          </ul>
          <label className="lw-fu-assume">
            <input type="checkbox" checked={assume} onChange={(e) => runs.setState({ assume: e.target.checked })} /> {te("fu.model.assume")}{" "}
            <span className="lw-fu-badge">{te("fu.assumption")}</span>
          </label>
          {outcomeField === "" && <p className="lw-note">{te("fu.model.assume_needs_outcome")}</p>}
          {assume ? <CurveEditor /> : <p className="lw-note">{curveWords(curve, lang)}</p>}
        </fieldset>
      }
    </div>
  );
}
