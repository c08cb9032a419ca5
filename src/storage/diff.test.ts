import { describe, expect, it } from "vitest";
import type { Flow } from "../engine";
import { diffFlows } from "./diff";
import { smallFlow } from "./testing";

function edit(change: (f: Flow) => void): Flow {
  const flow = structuredClone(smallFlow());
  change(flow);
  return flow;
}

const empty = { added: [], removed: [], changed: [] };

describe("diffFlows: a version compared with the draft", () => {
  it("finds nothing between equal documents, and ignores the viewport, the id and $schema", () => {
    const after = edit((f) => Object.assign(f, { ui: { viewport: { x: 1, y: 2, zoom: 2 } }, id: "other", $schema: "x" }));
    const diff = diffFlows(smallFlow(), after);
    expect(diff).toEqual({ nodes: { ...empty, moved: [] }, edges: empty, teams: empty, fields: empty, document: [], same: true });
  });

  it("reports a node that only moved as moved, not changed", () => {
    const diff = diffFlows(
      smallFlow(),
      edit((f) => {
        f.nodes[1]!.position = { x: 320, y: 40 };
      }),
    );
    expect(diff.nodes).toEqual({ ...empty, moved: ["r"] });
    expect(diff.same).toBe(true);
  });

  it("names the config paths of a changed node, and nodes added and removed", () => {
    const after = edit((f) => {
      const route = f.nodes[1];
      if (route?.type === "route") route.config = { ...route.config, strategy: "weighted_round_robin", weightBy: "performance" };
      f.nodes.push({ id: "n", type: "notify", position: { x: 600, y: 0 }, config: { channel: "email", to: "owner", template: "Hi" } });
      f.nodes.splice(0, 1);
    });
    const diff = diffFlows(smallFlow(), after);
    expect(diff.nodes).toEqual({
      added: ["n"],
      removed: ["t"],
      changed: [{ id: "r", paths: ["config.strategy", "config.weightBy"] }],
      moved: [],
    });
    expect(diff.same).toBe(false);
  });

  it("matches edges by what they connect: a rewire is removed + added, a new edge id alone is no change", () => {
    const renamed = diffFlows(
      smallFlow(),
      edit((f) => {
        f.edges[0]!.id = "e99";
      }),
    );
    expect(renamed.edges).toEqual(empty);
    const rewired = diffFlows(
      smallFlow(),
      edit((f) => {
        f.edges[0] = { id: "e1", source: "t", sourcePort: "out", target: "x" };
      }),
    );
    expect(rewired.edges).toEqual({ added: ["e1"], removed: ["e1"], changed: [] });
  });

  it("compares team members by id and lists fields by key", () => {
    const after = edit((f) => {
      const team = f.teams[0]!;
      team.members = [
        { ...team.members[1]!, active: false },
        { ...team.members[0]!, weight: 3 },
      ];
      f.fields.push({ key: "employees", type: "number" });
    });
    const diff = diffFlows(smallFlow(), after);
    expect(diff.teams.changed).toEqual([{ id: "emea", paths: ["members[id=ann].weight", "members[id=bob].active", "members(order)"] }]);
    expect(diff.fields).toEqual({ added: ["employees"], removed: [], changed: [] });
  });

  it("lists other document changes: name, description, settings", () => {
    const diff = diffFlows(
      smallFlow(),
      edit((f) => {
        f.name = "New";
        f.settings = { timezone: "Asia/Shanghai", seed: 1 };
      }),
    );
    expect(diff.document).toEqual(["name", "settings.timezone"]);
  });
});
