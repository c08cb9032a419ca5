import { describe, expect, it } from "vitest";
import { compileFlow } from "../../src/engine/compile";
import { leads, makeFlow, team } from "../../test/helpers/flow";

const flow = makeFlow({
  fields: [{ key: "country", type: "string" }],
  teams: [team("a", [{ id: "web-rep" }]), team("b", [{ id: "event-rep" }])],
  nodes: [
    { id: "web", type: "trigger", label: "Web", config: { sources: ["Web", "chat"] } },
    {
      id: "events",
      type: "trigger",
      label: "Events in Germany",
      config: { sources: [], when: { op: "all", rules: [{ field: "country", operator: "eq", value: "DE" }] } },
    },
    { id: "ra", type: "route", config: { team: "a", strategy: "round_robin" } },
    { id: "rb", type: "route", config: { team: "b", strategy: "round_robin" } },
  ],
  wires: [
    ["web", "ra"],
    ["events", "rb"],
  ],
});

describe("trigger node", () => {
  it("lets a lead in at the first trigger, in document order, that accepts it", () => {
    const batch = leads(
      4,
      (i) =>
        [{ source: " WEB " }, { source: "web", country: "DE" }, { source: "fair", country: "de" }, { source: "fair", country: "FR" }][i] ??
        {},
    );
    const { outcomes } = compileFlow(flow).run(batch, { trace: true });
    expect(outcomes.map((o) => `${o.status}:${o.path.join(">")}`)).toEqual([
      "assigned:web>ra",
      "assigned:web>ra",
      "assigned:events>rb",
      "no_trigger:",
    ]);
    expect(outcomes[3]?.trace?.map((t) => t.text)).toEqual([
      'Not accepted by "Web": source fair is not one of Web, chat',
      'Not accepted by "Events in Germany": country is DE does not hold',
      "No trigger accepted this lead",
    ]);
  });

  it("accepts every source when the list is empty", () => {
    const open = makeFlow({
      teams: [team("a", [{ id: "x" }])],
      nodes: [
        { id: "t", type: "trigger", config: {} },
        { id: "r", type: "route", config: { team: "a", strategy: "round_robin" } },
      ],
      wires: [["t", "r"]],
    });
    expect(
      compileFlow(open)
        .run(leads(2, (i) => (i ? { source: "anything" } : {})))
        .outcomes.map((o) => o.status),
    ).toEqual(["assigned", "assigned"]);
  });
});
