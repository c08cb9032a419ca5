// Leads & Run, flows with a follow-up step: import an events file (warnings grouped per kind) and see the response model.
import { useEffect, useMemo, useState } from "react";
import { parseEvents, specOf, type EventWarning, type Lang } from "../../engine";
import { curveWords, DEFAULT_RESPONSE_MINUTES, DEFAULT_RESPONSE_SPREAD, translateFollowUp } from "../../simulation";
import { CurveEditor } from "./CurveEditor";
import { useT } from "../../i18n/useT";
import { useStableFlow } from "../store/useStableFlow";
import { MAX_FILE_BYTES } from "./importLeads";
import { useRunStore, useRuns } from "./useRuns";

type Group = "unknown_type" | "unknown_lead" | "bad_time" | "other";
const GROUPS: readonly Group[] = ["unknown_type", "unknown_lead", "bad_time", "other"];
const SHOWN_ROWS = 20;

const groupOf = (w: EventWarning): Group =>
  w.code === "events.unknown_type"
    ? "unknown_type"
    : w.code === "events.bad_time"
      ? "bad_time"
      : w.code === "fu.events.unknown_lead_row"
        ? "unknown_lead"
        : "other";

/** Reads an events file; events naming no loaded lead are kept (the leads may change) but listed, one warning each. */
function readEventsFile(text: string, leadIds: ReadonlySet<string> | null, lang: Lang) {
  const parsed = parseEvents(text, lang);
  const warnings: EventWarning[] = [...parsed.warnings];
  if (leadIds) {
    // The parser's rows are 1-based in input order; events keep that order, but rows it dropped are not among them.
    const rows = rowNumbers(parsed.events.length, parsed.warnings);
    parsed.events.forEach((e, i) => {
      if (leadIds.has(e.lead)) return;
      const params = { row: rows[i] ?? i + 1, lead: e.lead };
      warnings.push({
        row: params.row,
        code: "fu.events.unknown_lead_row",
        params,
        message: translateFollowUp("fu.events.unknown_lead_row", params, lang),
      });
    });
  }
  warnings.sort((a, b) => a.row - b.row);
  return { events: parsed.events, warnings };
}

/** The parser's warnings that leave their row out (the others, a bad value or a CSV quirk, keep the event). */
const DROPS_ROW: ReadonlySet<string> = new Set(["events.not_an_event", "events.missing_lead", "events.unknown_type", "events.bad_time"]);

/** The row number of each parsed event: the rows in order, skipping rows that became a warning instead of an event. */
function rowNumbers(count: number, warnings: readonly EventWarning[]): number[] {
  const dropped = new Set(warnings.filter((w) => DROPS_ROW.has(w.code)).map((w) => w.row));
  const rows: number[] = [];
  for (let row = 1; rows.length < count && row < count + dropped.size + 2; row++) if (!dropped.has(row)) rows.push(row);
  return rows;
}

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
  const follows = flow.nodes.some((n) => specOf(n).holdsLeads === true);
  const leadIds = useMemo(() => (leads ? new Set(leads.map((l) => String(l.id))) : null), [leads]);
  const read = useMemo(() => (file ? readEventsFile(file.text, leadIds, lang) : null), [file, leadIds, lang]);
  useEffect(() => {
    runs.setState({ events: file && read ? { name: file.name, events: read.events, warnings: read.warnings } : null });
  }, [file, read, runs]);

  const load = async (picked: File | undefined) => {
    if (!picked) return;
    if (picked.size > MAX_FILE_BYTES) {
      setFileError(t("simui.fileTooBig", { name: picked.name, size: Math.round(picked.size / 1048576) }));
      return;
    }
    try {
      setFile({ name: picked.name, text: await picked.text() });
      setFileError(null);
    } catch (error) {
      setFileError(t("simui.fileUnreadable", { name: picked.name, detail: error instanceof Error ? error.message : String(error) }));
    }
  };

  if (!follows) return null;
  const members = flow.teams.flatMap((team) => team.members).filter((m, i, all) => all.findIndex((x) => x.id === m.id) === i);
  const grouped = new Map<Group, EventWarning[]>();
  for (const w of events?.warnings ?? []) grouped.set(groupOf(w), [...(grouped.get(groupOf(w)) ?? []), w]);
  const named = new Set(events?.events.map((e) => e.lead)).size;

  return (
    <div className="lw-sim-source lw-fu-source">
      <fieldset className="lw-sim-box">
        <legend>{te("fu.events.title")}</legend>
        <p className="lw-note">{te("fu.events.hint")}</p>
        <label>
          {te("fu.events.file")}{" "}
          <input
            type="file"
            accept=".csv,.json,.txt,text/csv,application/json"
            onChange={(e) => {
              void load(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
        </label>
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
