import { describe, expect, it } from "vitest";
import type { Flow } from "./document/schema";
import { validateFlow, type Issue } from "./validate";
import { makeFlow, team, trigger } from "../../test/helpers/flow";
import "../../nodes";

const codes = (issues: Issue[]) => issues.map((i) => `${i.severity}:${i.code}${i.nodeId ? `@${i.nodeId}` : ""}`);

function base(): Flow {
  return makeFlow({
    fields: [
      { key: "country", label: "Country", type: "string" },
      { key: "employees", label: "Employees", type: "number" },
      { key: "industry", label: "Industry", type: "enum", options: ["software", "retail"] },
    ],
    teams: [team("emea", [{ id: "ann", name: "Ann", email: "ann@example.com" }])],
    nodes: [
      trigger("t"),
      { id: "f", type: "filter", config: { conditions: { op: "all", rules: [{ field: "country", operator: "in", value: ["US"] }] } } },
      { id: "r", type: "route", config: { team: "emea", strategy: "round_robin" } },
      { id: "q", type: "route", config: { team: "emea", strategy: "fixed", member: "ann" } },
      { id: "n", type: "notify", config: { channel: "email", to: "owner", template: "Hi {{owner.name}}, {{lead.country}}" } },
    ],
    wires: [
      ["t", "f"],
      ["f:pass", "r"],
      ["r:assigned", "n"],
      ["r:unassigned", "q"],
      ["q:unassigned", "n"],
    ],
  });
}

describe("validation (spec §6)", () => {
  it("finds nothing wrong in a well-formed flow", () => {
    expect(validateFlow(base())).toEqual([]);
  });

  it("reports a flow without a trigger", () => {
    const flow = base();
    flow.nodes = flow.nodes.filter((n) => n.type !== "trigger");
    flow.edges = flow.edges.filter((e) => e.source !== "t");
    expect(codes(validateFlow(flow))).toContain("error:flow.no_trigger");
  });

  it("reports a cycle and names its nodes", () => {
    const flow = base();
    flow.edges.push({ id: "loop", source: "n", sourcePort: "out", target: "f" });
    const issues = validateFlow(flow);
    const cycle = issues.filter((i) => i.code === "flow.cycle");
    // Reported once, on its first node; r's unassigned port leads through q to n as well, so q is in the loop too.
    expect(cycle.map((i) => i.nodeId)).toEqual(["f"]);
    expect(cycle[0]?.message).toMatch(/^These nodes form a loop, which would never end: f → r → (q → )?n → (q → )?f\.$/);
    for (const id of ["f", "r", "q", "n"]) expect(cycle[0]?.message).toContain(id);
  });

  it("reports an output port with two edges", () => {
    const flow = base();
    flow.edges.push({ id: "dup", source: "f", sourcePort: "pass", target: "n" });
    expect(codes(validateFlow(flow))).toContain("error:flow.port_two_edges@f");
  });

  it("reports edges to a missing node or port, and into a trigger", () => {
    const flow = base();
    flow.edges.push({ id: "x1", source: "f", sourcePort: "fail", target: "ghost" });
    flow.edges.push({ id: "x2", source: "ghost2", sourcePort: "out", target: "n" });
    flow.edges.push({ id: "x3", source: "n", sourcePort: "nope", target: "q" });
    flow.edges.push({ id: "x4", source: "q", sourcePort: "assigned", target: "t" });
    const found = codes(validateFlow(flow));
    expect(found).toContain("error:flow.edge_missing_target");
    expect(found).toContain("error:flow.edge_missing_source");
    expect(found).toContain("error:flow.edge_bad_source_port@n");
    expect(found).toContain("error:flow.edge_into_trigger@t");
  });

  it("warns about a node no trigger reaches", () => {
    const flow = base();
    flow.nodes.push({ id: "lonely", type: "notify", config: { channel: "slack", to: "#sales", template: "hi" } });
    expect(codes(validateFlow(flow))).toEqual(["warning:flow.unreachable@lonely"]);
  });

  it("reports conditions on unknown fields, operators that do not fit, and values of the wrong type", () => {
    const flow = base();
    const rules = [
      { field: "budget", operator: "eq" as const, value: 1 },
      { field: "employees", operator: "contains" as const, value: "x" },
      { field: "employees", operator: "gt" as const, value: "lots" },
      { field: "industry", operator: "eq" as const, value: "farming" },
      { field: "employees", operator: "between" as const, value: [10] },
      { field: "country", operator: "matches" as const, value: "(a+)+" },
      { expr: "employees >" },
      { expr: "budget > 3" },
    ];
    flow.nodes[1] = { id: "f", type: "filter", config: { conditions: { op: "all", rules } } };
    const issues = validateFlow(flow);
    expect(codes(issues)).toEqual([
      "error:cond.unknown_field@f",
      "error:cond.bad_operator@f",
      "error:cond.bad_value@f",
      "error:cond.bad_option@f",
      "error:cond.bad_value@f",
      "error:cond.bad_regex@f",
      "error:cond.bad_expression@f",
      "error:cond.bad_expression@f",
    ]);
    expect(issues[0]?.path).toBe("$.nodes[1].config.conditions.rules[0].field");
    expect(issues[2]?.message).toBe("In “Employees is greater than …” the value must be a number.");
    expect(issues[6]?.message).toMatch(/line 1, column \d+/i);
  });

  it("reports a route to a missing or empty team", () => {
    const flow = base();
    flow.nodes[2] = { id: "r", type: "route", config: { team: "apac", strategy: "round_robin" } };
    flow.teams.push({ id: "empty", name: "Empty", members: [] });
    flow.nodes[3] = { id: "q", type: "route", config: { team: "empty", strategy: "round_robin" } };
    const found = codes(validateFlow(flow));
    expect(found).toContain("error:route.missing_team@r");
    expect(found).toContain("error:route.empty_team@q");
  });

  it("warns when a route's unassigned port goes nowhere", () => {
    const flow = base();
    flow.edges = flow.edges.filter((e) => e.sourcePort !== "unassigned");
    expect(codes(validateFlow(flow)).sort()).toEqual([
      "warning:flow.unreachable@q",
      "warning:route.unassigned_unwired@q",
      "warning:route.unassigned_unwired@r",
    ]);
  });

  it("reports an owner-scoped cap with no route before it, but not one after a route's assigned port", () => {
    const flow = base();
    flow.nodes.push({ id: "c1", type: "cap", config: { limit: 2, window: "day", scope: "owner" } });
    flow.edges = flow.edges.map((e) => (e.source === "f" ? { ...e, target: "c1" } : e));
    flow.edges.push({ id: "c1ok", source: "c1", sourcePort: "ok", target: "r" });
    expect(codes(validateFlow(flow))).toContain("error:cap.needs_route@c1");
    const fine = base();
    fine.nodes.push({ id: "c2", type: "cap", config: { limit: 2, window: "day", scope: "owner" } });
    fine.edges = fine.edges.map((e) => (e.source === "r" && e.sourcePort === "assigned" ? { ...e, target: "c2" } : e));
    fine.edges.push({ id: "c2ok", source: "c2", sourcePort: "ok", target: "n" });
    expect(codes(validateFlow(fine))).toEqual([]);
  });

  it("warns about an unknown template variable", () => {
    const flow = base();
    flow.nodes[4] = {
      id: "n",
      type: "notify",
      config: { channel: "email", to: "owner", template: "{{lead.budget}} {{owner.phone}} {{boss.name}} {{lead.country}}" },
    };
    const issues = validateFlow(flow).filter((i) => i.code === "notify.unknown_variable");
    expect(issues.map((i) => i.params.variable)).toEqual(["{{lead.budget}}", "{{owner.phone}}", "{{boss.name}}"]);
    expect(issues.every((i) => i.severity === "warning")).toBe(true);
  });

  it("reports an unknown time zone", () => {
    const flow = base();
    flow.settings = { timezone: "Mars/Olympus" };
    expect(codes(validateFlow(flow))).toEqual(["error:flow.bad_timezone"]);
  });

  it("speaks 简体中文", () => {
    const flow = base();
    flow.nodes = flow.nodes.filter((n) => n.type !== "trigger");
    flow.edges = flow.edges.filter((e) => e.source !== "t");
    const zh = validateFlow(flow, { lang: "zh-CN" });
    expect(zh.find((i) => i.code === "flow.no_trigger")?.message).toBe("流程没有触发器：请添加一个，线索才能进入。");
  });
});
