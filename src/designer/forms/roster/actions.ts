// Roster changes on the flow document, each one undoable step; renaming an id also updates the route nodes that name it.
import { castDraft, type Draft } from "immer";
import { specOf, type Flow, type FlowNode, type Member, type RenamedRef, type Team } from "../../../engine";
import { moveItem } from "../controls/useRowKeys";
import { slugify, uniqueId } from "./ids";

export type FlowUpdate = (recipe: (flow: Draft<Flow>) => void, options?: { mark?: string }) => void;

function teamIn(flow: Draft<Flow>, teamId: string): Draft<Team> | undefined {
  return flow.teams.find((t) => t.id === teamId);
}

/** Every node that names the team or member follows the new id (each node type knows its own references). */
function renameRefs(flow: Draft<Flow>, ref: RenamedRef): void {
  for (const node of flow.nodes) specOf(node as FlowNode).renameRef?.(node.config as never, ref);
}

/** `team` is the team as rendered: ids are worked out from it before the change, so nothing depends on when the store runs a recipe. */
export function rosterActions(updateFlow: FlowUpdate, team: Team) {
  const teamId = team.id;
  const mark = (what: string) => ({ mark: `roster:${teamId}:${what}` });
  const onTeam = (recipe: (team: Draft<Team>) => void, typing?: string) =>
    updateFlow(
      (f) => {
        const team = teamIn(f, teamId);
        if (team) recipe(team);
      },
      typing ? mark(typing) : undefined,
    );
  return {
    renameTeam: (name: string) =>
      onTeam((t) => {
        t.name = name;
      }, "name"),
    changeTeamId: (id: string) =>
      updateFlow((f) => {
        const team = teamIn(f, teamId);
        if (!team) return;
        team.id = id;
        renameRefs(f, { kind: "team", team: teamId, from: teamId, to: id });
      }, mark("id")),
    deleteTeam: () =>
      updateFlow((f) => {
        f.teams = f.teams.filter((t) => t.id !== teamId);
      }),
    addMember: (): string => {
      const id = uniqueId(
        "",
        team.members.map((m) => m.id),
        `member-${team.members.length + 1}`,
      );
      onTeam((t) => {
        t.members.push({ id, name: "", active: true, weight: 1 });
      });
      return id;
    },
    editMember: (index: number, recipe: (m: Draft<Member>) => void, typing?: string) =>
      onTeam(
        (t) => {
          const m = t.members[index];
          if (m) recipe(m);
        },
        typing ? `member:${index}:${typing}` : undefined,
      ),
    /** A new member's id follows its name until someone edits the id. */
    nameMember: (index: number, name: string, idFollows: boolean): string | null => {
      const others = team.members.filter((_, i) => i !== index).map((x) => x.id);
      const newId = idFollows ? uniqueId(slugify(name), others, `member-${index + 1}`) : null;
      updateFlow(
        (f) => {
          const m = teamIn(f, teamId)?.members[index];
          if (!m) return;
          m.name = name;
          if (newId !== null) renameMember(f, teamId, m, newId);
        },
        mark(`member:${index}:name`),
      );
      return newId;
    },
    changeMemberId: (index: number, id: string) =>
      updateFlow(
        (f) => {
          const m = teamIn(f, teamId)?.members[index];
          if (m) renameMember(f, teamId, m, id);
        },
        mark(`member:${index}:id`),
      ),
    removeMember: (index: number) =>
      onTeam((t) => {
        t.members.splice(index, 1);
      }),
    moveMember: (from: number, to: number) =>
      onTeam((t) => {
        t.members = castDraft(moveItem(t.members as Member[], from, to));
      }),
    replaceMembers: (members: Member[]) =>
      onTeam((t) => {
        t.members = castDraft(members);
      }),
  };
}

function renameMember(f: Draft<Flow>, teamId: string, m: Draft<Member>, id: string): void {
  const old = m.id;
  m.id = id;
  renameRefs(f, { kind: "member", team: teamId, from: old, to: id });
}

export function addTeam(updateFlow: FlowUpdate, flow: Flow, name: string): string {
  const id = uniqueId(
    slugify(name),
    flow.teams.map((t) => t.id),
    `team-${flow.teams.length + 1}`,
  );
  updateFlow((f) => {
    f.teams.push({ id, name, members: [] });
  });
  return id;
}

/** Edits one member through an immer recipe; `typingKey` merges a run of keystrokes into one undo step. */
export type MemberEdit = (recipe: (m: Draft<Member>) => void, typingKey?: string) => void;
