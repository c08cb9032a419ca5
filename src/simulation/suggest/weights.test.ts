// Performance weights from a run's outcomes: each member's conversion with its counts, and no trust in a handful of leads.
import { describe, expect, it } from "vitest";
import { compileFlow } from "../../engine";
import { leads, makeFlow, team, trigger } from "../../../test/helpers/flow";
import { suggestWeights } from "./weights";

const advisers = team("adv", [
  { id: "ann", name: "Ann", weight: 1, performance: 0.5 },
  { id: "bob", name: "Bob", weight: 1 },
  { id: "cy", name: "Cy", weight: 0 },
]);
const flow = makeFlow({
  fields: [{ key: "converted", type: "boolean" }],
  teams: [advisers],
  nodes: [trigger(), { id: "r", type: "route", config: { team: "adv", strategy: "round_robin" } }],
  wires: [["t", "r"]],
});

describe("suggestWeights", () => {
  it("gives each member's conversion over the leads the run assigned them, with the counts behind it", () => {
    // Round robin over the three: lead i goes to member i % 3.
    const batch = leads(120, (i) => ({
      converted: i % 3 === 0 ? i % 2 === 0 : i % 3 === 1 ? i % 4 === 1 : i % 5 === 0 ? "yes" : "unknown",
    }));
    const { outcomes } = compileFlow(flow).run(batch);
    const rates = suggestWeights(advisers, batch, outcomes, "converted", 30);
    const byId = Object.fromEntries(rates.map((r) => [r.member, r]));
    const owned = (id: string) => batch.filter((_, i) => outcomes[i]?.owner === id);
    const known = (id: string) => owned(id).filter((l) => ["true", "false", "yes", "no"].includes(String(l.converted)));
    for (const id of ["ann", "bob"]) {
      expect(byId[id]?.leads).toBe(known(id).length);
      expect(byId[id]?.converted).toBe(known(id).filter((l) => l.converted === true || l.converted === "yes").length);
      expect(byId[id]?.trusted).toBe(true);
      expect(byId[id]?.performance).toBeCloseTo((byId[id]?.converted ?? 0) / (byId[id]?.leads ?? 1), 2);
    }
    expect(byId.ann?.current).toBe(0.5);
  });

  it("shows a rate from too few leads but does not suggest it, and gives nobody a rate without leads", () => {
    const batch = leads(9, (i) => ({ converted: i < 4 }));
    const { outcomes } = compileFlow(flow).run(batch);
    const rates = suggestWeights(advisers, batch, outcomes, "converted");
    expect(rates.map((r) => [r.member, r.leads, r.trusted, r.performance])).toEqual([
      ["ann", 3, false, null],
      ["bob", 3, false, null],
      ["cy", 3, false, null],
    ]);
    const none = suggestWeights(advisers, [], [], "converted");
    expect(none.every((r) => r.rate === null && r.leads === 0)).toBe(true);
  });
});
