import { describe, expect, it } from "vitest";
import { compileFlow } from "../../src/engine/compile";
import { leads, makeFlow, trigger } from "../../test/helpers/flow";

const flow = makeFlow({
  fields: [
    { key: "country", label: "Country", type: "string" },
    { key: "employees", label: "Employees", type: "number" },
  ],
  nodes: [
    trigger(),
    {
      id: "f",
      type: "filter",
      label: "Big North America",
      config: {
        conditions: {
          op: "all",
          rules: [
            { field: "country", operator: "in", value: ["US", "CA"] },
            { field: "employees", operator: "gte", value: 100 },
          ],
        },
      },
    },
    {
      id: "g",
      type: "filter",
      label: "Anything",
      config: {
        conditions: {
          op: "any",
          rules: [
            { field: "employees", operator: "lt", value: 10 },
            { field: "country", operator: "eq", value: "MX" },
          ],
        },
      },
    },
  ],
  wires: [
    ["t", "f"],
    ["f:fail", "g"],
  ],
});

describe("filter node", () => {
  it("passes or fails and says in words which rule decided, with the lead's own values", () => {
    const batch = leads(
      4,
      (i) =>
        [
          { country: "US", employees: 500 },
          { country: "us", employees: 20 },
          { country: "MX", employees: 20 },
          { country: "FR", employees: 50 },
        ][i] ?? {},
    );
    const { outcomes } = compileFlow(flow).run(batch, { trace: true });
    expect(outcomes.map((o) => o.status)).toEqual(["unassigned", "filtered", "unassigned", "filtered"]);
    const lines = outcomes.map((o) => (o.trace ?? []).slice(1).map((t) => t.text));
    expect(lines[0]).toEqual([
      'Passed "Big North America": all of (Country is one of US, CA; Employees is at least 100) (this lead: Country: US; Employees: 500)',
    ]);
    expect(lines[1]?.[0]).toBe('Failed "Big North America": Employees is at least 100 does not hold (this lead: 20)');
    expect(lines[2]?.[1]).toBe('Passed "Anything": Country is MX (this lead: MX)');
    expect(lines[3]?.[1]).toBe(
      'Failed "Anything": none of (Employees is less than 10; Country is MX) holds (this lead: Employees: 50; Country: FR)',
    );
  });
});
