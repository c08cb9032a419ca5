// A sample lead, owner, team and flow for the notification preview, built from the flow's fields and roster.
import type { FieldDef, Flow } from "../../../engine";
import type { Scopes } from "../../../../nodes/notify/template";
import { assignsFrom, specOf } from "../../../engine";

export interface SampleTexts {
  /** Sample text for a text field, given its name ("‹Company›"). */
  readonly text: (field: string) => string;
  readonly yes: string;
  readonly ownerName: string;
  readonly teamName: string;
}

const SAMPLE_TIME = "2025-03-14T09:30:00.000Z";

function sampleValue(field: FieldDef, flow: Flow, texts: SampleTexts): unknown {
  if (field.key === "id") return "lead-1001";
  if (field.key === "createdAt") return SAMPLE_TIME;
  if (field.key === "source") return "web";
  const grades = flow.nodes.flatMap((n) => (specOf(n).writes?.(n) ?? []).filter((w) => w.role === "grade"));
  if (grades.some((g) => g.key === field.key)) return grades[0]?.options?.[0] ?? "A";
  switch (field.type) {
    case "number":
      return 42;
    case "boolean":
      return texts.yes;
    case "date":
      return SAMPLE_TIME.slice(0, 10);
    case "enum":
      return field.options?.[0] ?? texts.text(field.label ?? field.key);
    case "list":
      return field.options?.slice(0, 2) ?? [texts.text(field.label ?? field.key)];
    default:
      return texts.text(field.label ?? field.key);
  }
}

/** The team a notify node most likely speaks of: the first route's team, else the first team. */
function sampleTeam(flow: Flow) {
  const routed = flow.nodes.flatMap((n) => assignsFrom(n) ?? []);
  return (
    flow.teams.find((t) => routed.includes(t.id) && t.members.length > 0) ?? flow.teams.find((t) => t.members.length > 0) ?? flow.teams[0]
  );
}

export function sampleScopes(flow: Flow, fields: readonly FieldDef[], texts: SampleTexts): Scopes {
  const lead: Record<string, unknown> = {};
  for (const f of fields) lead[f.key] = sampleValue(f, flow, texts);
  const team = sampleTeam(flow);
  const member = team?.members.find((m) => m.active !== false) ?? team?.members[0];
  return {
    lead,
    owner: member
      ? { id: member.id, name: member.name, email: member.email ?? "" }
      : { id: "owner-1", name: texts.ownerName, email: "owner@example.com" },
    team: team ? { id: team.id, name: team.name } : { id: "team-1", name: texts.teamName },
    flow: { id: flow.id, name: flow.name, description: flow.description ?? "" },
  };
}

/** Puts `token` in place of the selection [start, end) and says where the cursor goes after it. */
export function insertAt(text: string, start: number, end: number, token: string): { text: string; cursor: number } {
  const a = Math.max(0, Math.min(start, text.length));
  const b = Math.max(a, Math.min(end, text.length));
  return { text: text.slice(0, a) + token + text.slice(b), cursor: a + token.length };
}
