// Compare: the current run against the previous run, or the current flow against a saved version on the same leads; opens with per-owner and per-grade counts before and after, then the leads that changed.
import { useEffect, useMemo, useRef, useState } from "react";
import { compareRuns, SimulationRunner, type Comparison } from "../../simulation";
import { FollowUpCompare } from "./FollowUpCompare";
import type { RunResult } from "../../engine";
import type { VersionSummary } from "../../storage";
import { useT } from "../../i18n/useT";
import { useSession } from "../library/context";
import { STATUS_KEY } from "./statusText";
import { useRunStore, useRuns } from "./useRuns";

const SHOWN = 500;
const PREVIOUS = "previous";

export function Compare({ names }: { names: ReadonlyMap<string, string> }) {
  const { t } = useT();
  const runs = useRunStore();
  const session = useSession()?.session ?? null;
  const current = useRuns((s) => s.current);
  const previous = useRuns((s) => s.previous);
  const [against, setAgainst] = useState(PREVIOUS);
  const [versions, setVersions] = useState<readonly VersionSummary[]>([]);
  const [versionRun, setVersionRun] = useState<{ key: string; result: RunResult; of: unknown } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const runner = useRef<SimulationRunner | null>(null);
  useEffect(() => () => runner.current?.dispose(), []);
  useEffect(() => {
    if (!session) return;
    session.library.listVersions(session.flowId).then(setVersions, () => setVersions([]));
  }, [session, current]);

  const compareVersion = async (version: number) => {
    if (!session || !current) return;
    setNote(t("simui.comparing"));
    const record = await session.library.getVersion(session.flowId, version);
    if (!record) return setNote(t("simui.versionMissing", { version }));
    runner.current ??= new SimulationRunner();
    // A follow-up run is compared on the same first contacts: the same imported events, end and assumption.
    const follow = current.followUp;
    const events = runs.getState().events?.events ?? [];
    const options = follow
      ? { events, now: follow.end, followUp: { outcomeField: follow.outcomeField || undefined, curve: follow.curve } }
      : {};
    const outcome = await runner.current.run(record.doc, current.leads, options).result;
    if (outcome.kind === "done") {
      setVersionRun({ key: String(version), result: outcome.result, of: current });
      setNote(null);
    } else setNote(outcome.message);
  };

  const before: RunResult | null = useMemo(() => {
    if (!current) return null;
    if (against === PREVIOUS) return previous?.result ?? null;
    return versionRun && versionRun.key === against && versionRun.of === current ? versionRun.result : null;
  }, [current, previous, against, versionRun]);
  const comparison: Comparison | null = useMemo(() => (current && before ? compareRuns(before, current.result) : null), [current, before]);

  if (!current) return null;
  const who = (owner: string | undefined) => (owner === undefined ? "—" : (names.get(owner) ?? owner));
  const status = (s: keyof typeof STATUS_KEY) => t(STATUS_KEY[s]);
  return (
    <div className="lw-sim-compare">
      <label>
        {t("simui.compareWith")}{" "}
        <select
          value={against}
          onChange={(e) => {
            setAgainst(e.target.value);
            if (e.target.value !== PREVIOUS) void compareVersion(Number(e.target.value));
          }}
        >
          <option value={PREVIOUS}>{t("simui.previousRun")}</option>
          {versions.map((v) => (
            <option key={v.version} value={String(v.version)}>
              {t("simui.savedVersion", { version: v.version })}
            </option>
          ))}
        </select>
      </label>
      {note && <p role="status">{note}</p>}
      {!comparison && against === PREVIOUS && <p className="lw-note">{t("simui.noPrevious")}</p>}
      {comparison && (
        <>
          {before && <FollowUpCompare before={before.summary} after={current.result.summary} />}
          <div className="lw-sim-deltas">
            <DeltaTable
              caption={t("simui.ownerDeltas")}
              head={t("simui.colOwner")}
              rows={[
                ...comparison.owners.map((o) => ({ ...o, key: `${o.team}-${o.owner}`, name: o.name || o.owner })),
                // Leads nobody took belong in the same picture: a change that leaves more of them unassigned shows here.
                ...(comparison.statuses.unassigned.before > 0 || comparison.statuses.unassigned.after > 0
                  ? [{ key: "\u0000unassigned", name: status("unassigned"), ...comparison.statuses.unassigned }]
                  : []),
              ]}
            />
            {comparison.grades.length > 0 && (
              <DeltaTable
                caption={t("simui.gradeDeltas")}
                head={t("simui.colGrade")}
                rows={[...comparison.grades]
                  .sort((a, b) => a.grade.localeCompare(b.grade))
                  .map((g) => ({ ...g, key: g.grade, name: g.grade }))}
              />
            )}
          </div>
          <p role="status" className="lw-sim-diffcount">
            {t("simui.differ", { count: comparison.changed.length, paired: comparison.paired })}
          </p>
          {comparison.changed.length > 0 && (
            <div className="lw-sim-scroll lw-sim-diffbox" tabIndex={0}>
              <table className="lw-sim-table" aria-label={t("simui.changedLeads")}>
                <thead>
                  <tr>
                    <th scope="col">{t("simui.colId")}</th>
                    <th scope="col">{t("simui.colOwner")}</th>
                    <th scope="col">{t("simui.colStatus")}</th>
                  </tr>
                </thead>
                <tbody>
                  {comparison.changed.slice(0, SHOWN).map((c) => (
                    <tr key={`${c.index}-${c.id}`}>
                      <th scope="row">{c.id}</th>
                      <td>
                        {who(c.before.owner)} → {who(c.after.owner)}
                      </td>
                      <td>
                        {status(c.before.status)} → {status(c.after.status)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {comparison.changed.length > SHOWN && <p className="lw-note">{t("simui.firstShown", { count: SHOWN })}</p>}
            </div>
          )}
        </>
      )}
    </div>
  );
}

interface DeltaRow {
  readonly key: string;
  readonly name: string;
  readonly before: number;
  readonly after: number;
  readonly delta: number;
}

/** Counts before and after, one row each, the change signed and marked so it reads without colour too. */
function DeltaTable({ caption, head, rows }: { caption: string; head: string; rows: readonly DeltaRow[] }) {
  const { t } = useT();
  return (
    <table className="lw-sim-table lw-sim-delta-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{t("simui.before")}</th>
          <th scope="col">{t("simui.after")}</th>
          <th scope="col">{t("simui.delta")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.name}</th>
            <td>{r.before}</td>
            <td>{r.after}</td>
            <td className={r.delta > 0 ? "lw-delta-up" : r.delta < 0 ? "lw-delta-down" : undefined}>
              {r.delta > 0 ? `+${r.delta}` : r.delta}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
