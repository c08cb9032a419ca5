import { describe, expect, it } from "vitest";
import { compileFlow } from "../../src/engine/compile";
import { leads, makeFlow, team, trigger } from "../../test/helpers/flow";
import type { NotifyConfig } from "./schema";

function notifyFlow(config: NotifyConfig, routed = true) {
  return makeFlow({
    name: "EMEA <inbound>",
    fields: [
      { key: "company", type: "string" },
      { key: "grade", type: "string" },
      { key: "tags", type: "list" },
    ],
    teams: [
      team("emea", [
        { id: "ann", name: "Ann", email: "ann@example.com" },
        { id: "bo", name: "Bo", email: "bo@example.com" },
        { id: "cy", name: "Cy", active: false },
      ]),
    ],
    nodes: [
      trigger(),
      { id: "r", type: "route", config: { team: "emea", strategy: "fixed", member: "ann" } },
      { id: "n", type: "notify", config },
    ],
    wires: routed
      ? [
          ["t", "r"],
          ["r:assigned", "n"],
        ]
      : [["t", "n"]],
  });
}

describe("notify node", () => {
  it("renders lead, owner, team and flow variables into the outbox", () => {
    const flow = notifyFlow({
      channel: "email",
      to: "owner",
      subject: "New {{lead.grade}} lead",
      template: "{{lead.company}} ({{lead.tags}}) for {{owner.name}} <{{owner.email}}> in {{team.name}} via {{flow.name}}",
    });
    const { outcomes, summary } = compileFlow(flow).run(leads(1, () => ({ company: "Acme", grade: "A", tags: ["crm", "erp"] })));
    expect(outcomes[0]?.notifications).toEqual([
      {
        node: "n",
        channel: "email",
        to: ["ann@example.com"],
        subject: "New A lead",
        body: "Acme (crm, erp) for Ann <ann@example.com> in EMEA via EMEA <inbound>",
      },
    ]);
    expect(summary.notifications).toEqual({ email: 1 });
  });

  it("sends to the whole active team, or to a fixed address", () => {
    const team = compileFlow(notifyFlow({ channel: "slack", to: "team", template: "hi" })).run(leads(1));
    expect(team.outcomes[0]?.notifications[0]?.to).toEqual(["ann@example.com", "bo@example.com"]);
    const fixed = compileFlow(notifyFlow({ channel: "webhook", to: "https://hooks.example.com/x", template: "hi" }, false)).run(leads(1));
    expect(fixed.outcomes[0]?.notifications[0]?.to).toEqual(["https://hooks.example.com/x"]);
  });

  it("says so in the trace when there is nobody to tell, and the lead passes through", () => {
    const { outcomes } = compileFlow(notifyFlow({ channel: "sms", to: "owner", template: "hi" }, false)).run(leads(1), { trace: true });
    expect(outcomes[0]?.notifications).toEqual([]);
    expect(outcomes[0]?.trace?.map((t) => t.text)).toContain("No notification from n: the lead has no owner");
    expect(outcomes[0]?.path).toEqual(["t", "n"]);
  });

  it("inserts lead data as text: no second expansion, no markup, no inherited properties", () => {
    const flow = notifyFlow({
      channel: "in_app",
      to: "owner",
      template: "{{lead.company}}|{{lead.__proto__}}|{{lead.constructor}}|{{owner.constructor}}|{{lead.missing}}",
    });
    const evil = "<img src=x onerror=alert(1)> {{owner.email}} ${process.exit()}";
    const { outcomes } = compileFlow(flow).run(leads(1, () => ({ company: evil })));
    expect(outcomes[0]?.notifications[0]?.body).toBe(`${evil}||||`);
  });
});
