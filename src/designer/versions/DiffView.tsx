// What differs between a version and the draft, in words: steps, connections, teams, fields and flow settings by name, and
// for each change what it is now and what it was ("Lead score: grade band #1 › from now 40 (was 60)").
import type { Flow } from "../../engine";
import { useT } from "../../i18n/useT";
import type { FlowDiff, ItemChange, ListDiff } from "../../storage";
import { displayName } from "../canvas/FlowNodeCard";
import { changeLines, namesOf } from "./diffWords";

interface ListProps {
  readonly title: string;
  readonly diff: ListDiff;
  readonly name: (id: string) => string;
  /** The item as it is in the version and in the draft, for the old and new values. */
  readonly item: (which: "before" | "after", id: string) => unknown;
  readonly moved?: readonly string[];
}

function ListLines({ title, diff, name, item, moved }: ListProps) {
  const { t, te } = useT();
  const names = (ids: readonly string[]) => ids.map(name).join(", ");
  const lines: string[] = [];
  if (diff.added.length) lines.push(t("versions.added", { items: names(diff.added) }));
  if (diff.removed.length) lines.push(t("versions.removed", { items: names(diff.removed) }));
  const changed = (c: ItemChange) => changeLines(item("before", c.id), item("after", c.id), c.paths, te).map((l) => `${name(c.id)}: ${l}`);
  for (const c of diff.changed) lines.push(...changed(c));
  if (moved?.length) lines.push(t("versions.moved", { items: names(moved) }));
  if (lines.length === 0) return null;
  return (
    <li>
      <strong>{title}</strong>
      <ul>
        {lines.map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ul>
    </li>
  );
}

export function DiffView({ diff, before, after }: { diff: FlowDiff; before: Flow; after: Flow }) {
  const { t, te } = useT();
  if (diff.same) return <p>{t("versions.same")}</p>;
  const named = namesOf(before, after, (n) => displayName(n, te), te);
  const pick = (which: "before" | "after") => (which === "before" ? before : after);
  return (
    <ul className="lw-diff">
      <ListLines
        title={t("versions.nodes")}
        diff={diff.nodes}
        moved={diff.nodes.moved}
        name={named.nodeName}
        item={(w, id) => pick(w).nodes.find((n) => n.id === id)}
      />
      <ListLines
        title={t("versions.edges")}
        diff={diff.edges}
        name={named.edgeName}
        item={(w, id) => pick(w).edges.find((e) => e.id === id)}
      />
      <ListLines
        title={t("versions.teams")}
        diff={diff.teams}
        name={named.teamName}
        item={(w, id) => pick(w).teams.find((x) => x.id === id)}
      />
      <ListLines
        title={t("versions.fields")}
        diff={diff.fields}
        name={named.fieldName}
        item={(w, key) => pick(w).fields.find((x) => x.key === key)}
      />
      {diff.document.length > 0 && (
        <li>
          <strong>{t("versions.document")}</strong>
          <ul>
            {changeLines(before, after, diff.document, te).map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </li>
      )}
    </ul>
  );
}
