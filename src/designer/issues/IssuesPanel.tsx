// The issues bar under the canvas: one line with the counts (folded by default, so the canvas keeps its room); unfolded, every
// validation issue in the user's language with its severity; choosing one selects and centres its node.
import { translate } from "../../i18n/catalogue";
import { useReactFlow } from "@xyflow/react";
import { useState } from "react";
import { type Issue } from "../../engine";
import { useT } from "../../i18n/useT";
import { displayName } from "../canvas/FlowNodeCard";
import { useDesignerStore } from "../store/context";
import { useStableFlow } from "../store/useStableFlow";
import { useValidation } from "../store/useValidation";

export function IssuesPanel() {
  const store = useDesignerStore();
  const { t, te, lang } = useT();
  const { issues, crashed } = useValidation();
  const flow = useStableFlow();
  const { fitView } = useReactFlow();
  const errors = issues.filter((i) => i.severity === "error").length;
  const [open, setOpen] = useState(false);
  // An empty flow has nothing wrong yet: the canvas says how to start, the bar stays calm (no red count on a first open).
  const empty = flow.nodes.length === 0 && !crashed;
  const clean = (issues.length === 0 && !crashed) || empty;
  const warnings = issues.length - errors;
  const counted = [
    errors > 0 ? t(errors === 1 ? "issues.oneError" : "issues.errors", { count: errors }) : "",
    warnings > 0 ? t(warnings === 1 ? "issues.oneWarning" : "issues.warnings", { count: warnings }) : "",
  ]
    .filter(Boolean)
    .join(" · ");

  const show = (issue: Issue) => {
    const edge = issue.edgeId ? flow.edges.find((e) => e.id === issue.edgeId) : undefined;
    const nodeId = issue.nodeId ?? edge?.source;
    if (!nodeId || !flow.nodes.some((n) => n.id === nodeId)) return;
    store.getState().select({ nodes: [nodeId], edges: edge ? [edge.id] : [] });
    void fitView({ nodes: [{ id: nodeId }], duration: 300, maxZoom: 1.2 });
  };

  const nodeOf = (issue: Issue) => flow.nodes.find((n) => n.id === issue.nodeId);

  return (
    <section className={open ? "lw-problems lw-problems-open" : "lw-problems"} aria-labelledby="lw-problems-title">
      <div className="lw-problems-bar">
        <h2 className="lw-panel-title" id="lw-problems-title">
          <button
            type="button"
            className="lw-sim-toggle"
            aria-expanded={open}
            aria-controls="lw-problems-body"
            disabled={clean}
            onClick={() => setOpen(!open)}
          >
            <span aria-hidden="true">{open && !clean ? "▾" : "▸"}</span> {t("issues.title")}
          </button>
        </h2>
        {empty ? (
          <span className="lw-problems-count lw-muted">{t("issues.empty")}</span>
        ) : clean ? (
          <span className="lw-problems-count lw-problems-ok">{t("issues.ok")}</span>
        ) : (
          <span className="lw-problems-count">
            {errors > 0 && <span className="lw-severity lw-severity-error">{errors}</span>}
            {warnings > 0 && <span className="lw-severity lw-severity-warning">{warnings}</span>} {counted}
          </span>
        )}
      </div>
      <div id="lw-problems-body" className="lw-problems-body" hidden={!open || clean}>
        {crashed && <p className="lw-form-error">{t("issues.crashed", { detail: crashed })}</p>}
        {issues.length === 0 && !crashed ? (
          <p className="lw-note">{t("issues.none")}</p>
        ) : (
          <ul className="lw-problem-list">
            {issues.map((issue, index) => {
              const node = nodeOf(issue);
              const where = node ? displayName(node, te) : t("issues.flow");
              const severity = t(issue.severity === "error" ? "issues.error" : "issues.warning");
              const message = translate(issue.code, issue.params, lang);
              const body = (
                <>
                  <span className={`lw-severity lw-severity-${issue.severity}`}>{severity}</span>
                  <span className="lw-problem-where">{where}</span>
                  <span className="lw-problem-message">{message}</span>
                </>
              );
              return (
                <li key={`${issue.code}-${issue.nodeId ?? ""}-${issue.edgeId ?? ""}-${index}`}>
                  {node || issue.edgeId ? (
                    <button type="button" className={`lw-problem lw-problem-${issue.severity}`} onClick={() => show(issue)}>
                      {body}
                    </button>
                  ) : (
                    <div className={`lw-problem lw-problem-${issue.severity}`}>{body}</div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
