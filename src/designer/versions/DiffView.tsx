// What differs between a version and the draft (diffFlows): nodes, connections, teams, fields and flow settings.
import { useT } from "../../i18n/useT";
import type { FlowDiff, ListDiff } from "../../storage";

function ListLines({ title, diff, moved }: { title: string; diff: ListDiff; moved?: readonly string[] }) {
  const { t } = useT();
  const lines: string[] = [];
  if (diff.added.length) lines.push(t("versions.added", { items: diff.added.join(", ") }));
  if (diff.removed.length) lines.push(t("versions.removed", { items: diff.removed.join(", ") }));
  if (diff.changed.length)
    lines.push(t("versions.changed", { items: diff.changed.map((c) => `${c.id} (${c.paths.join(", ")})`).join("; ") }));
  if (moved?.length) lines.push(t("versions.moved", { items: moved.join(", ") }));
  if (lines.length === 0) return null;
  return (
    <li>
      <strong>{title}</strong>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </li>
  );
}

export function DiffView({ diff }: { diff: FlowDiff }) {
  const { t } = useT();
  if (diff.same) return <p>{t("versions.same")}</p>;
  return (
    <ul className="lw-diff">
      <ListLines title={t("versions.nodes")} diff={diff.nodes} moved={diff.nodes.moved} />
      <ListLines title={t("versions.edges")} diff={diff.edges} />
      <ListLines title={t("versions.teams")} diff={diff.teams} />
      <ListLines title={t("versions.fields")} diff={diff.fields} />
      {diff.document.length > 0 && (
        <li>
          <strong>{t("versions.document")}</strong>
          <ul>
            <li>{t("versions.changed", { items: diff.document.join(", ") })}</li>
          </ul>
        </li>
      )}
    </ul>
  );
}
