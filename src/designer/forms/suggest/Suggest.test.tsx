// @vitest-environment jsdom
// The two suggestion actions against a real designer store: disabled until there is something to learn from, then
// a dialog, and the change applied as one undo step that Undo takes back.
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, it } from "vitest";
import { compileFlow } from "../../../engine";
import type { Flow, NodeOf } from "../../../engine";
import { Random } from "../../../simulation/random";
import { createRunStore } from "../../simulation/runStore";
import { RunStoreContext } from "../../simulation/useRuns";
import { DesignerStoreContext } from "../../store/context";
import { createDesignerStore } from "../../store/store";
import { makeI18n } from "../test-utils";
import { SuggestScore } from "./SuggestScore";
import { SuggestWeights } from "./SuggestWeights";

afterEach(cleanup);

const flow: Flow = {
  format: "leadwire.flow",
  version: 2,
  id: "f",
  name: "F",
  settings: { timezone: "UTC", seed: 1 },
  fields: [
    { key: "plan", type: "enum", options: ["free", "pro"] },
    { key: "visits", type: "number" },
    { key: "converted", type: "boolean" },
  ],
  teams: [
    {
      id: "reps",
      name: "Reps",
      members: [
        { id: "ann", name: "Ann", performance: 0.5 },
        { id: "bob", name: "Bob", performance: 0.3 },
      ],
    },
  ],
  nodes: [
    { id: "t", type: "trigger", position: { x: 0, y: 0 }, config: { sources: [] } },
    {
      id: "s",
      type: "score",
      position: { x: 1, y: 0 },
      config: { rules: [{ label: "Pro", when: { op: "all", rules: [{ field: "plan", operator: "eq", value: "pro" }] }, points: 10 }] },
    },
    {
      id: "r",
      type: "route",
      position: { x: 2, y: 0 },
      config: { team: "reps", strategy: "weighted_round_robin", weightBy: "performance" },
    },
  ],
  edges: [
    { id: "e1", source: "t", sourcePort: "out", target: "s" },
    { id: "e2", source: "s", sourcePort: "out", target: "r" },
  ],
};

function leads(n: number) {
  const rng = new Random(5);
  return Array.from({ length: n }, (_, i) => {
    const plan = rng.pick(["free", "pro"]);
    const visits = rng.int(0, 20);
    const stage = rng.pick(["new", "open"]);
    return {
      id: `L${i}`,
      createdAt: "2026-03-02T10:00:00.000Z",
      plan,
      visits,
      stage,
      converted: rng.chance(1 / (1 + Math.exp(-(-2 + (plan === "pro" ? 1.5 : 0) + 0.12 * visits)))),
    };
  });
}

const nodeOf = <T extends "score" | "route">(f: Flow, id: string) => f.nodes.find((n) => n.id === id) as NodeOf<T>;

describe("Suggest from outcomes", () => {
  it("is disabled until leads and an outcome column are loaded; accepting is one undo step", async () => {
    const store = createDesignerStore(flow);
    const runs = createRunStore();
    const updateFlow = (recipe: (d: import("immer").Draft<Flow>) => void) => store.getState().change(recipe, { history: "record" });
    const view = () => (
      <SuggestScore node={nodeOf<"score">(store.getState().flow, "s")} flow={store.getState().flow} updateFlow={updateFlow} lang="en" />
    );
    const { rerender } = render(
      <DesignerStoreContext.Provider value={store}>
        <RunStoreContext.Provider value={runs}>
          <I18nextProvider i18n={makeI18n("en")}>{view()}</I18nextProvider>
        </RunStoreContext.Provider>
      </DesignerStoreContext.Provider>,
    );
    expect(screen.getByRole("button", { name: "Suggest from outcomes" })).toHaveProperty("disabled", true);

    runs.setState({ leads: leads(600), outcomeField: "converted" });
    rerender(
      <DesignerStoreContext.Provider value={store}>
        <RunStoreContext.Provider value={runs}>
          <I18nextProvider i18n={makeI18n("en")}>{view()}</I18nextProvider>
        </RunStoreContext.Provider>
      </DesignerStoreContext.Provider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Suggest from outcomes" }));
    const dialog = within(await screen.findByRole("dialog", {}, { timeout: 20_000 }));
    await dialog.findByTestId("auc-suggested", {}, { timeout: 20_000 });
    // "stage" is named like something sales fill in later: flagged, switched off, with its reason.
    const stage = dialog.getByRole("checkbox", { name: "stage" });
    expect(stage).toHaveProperty("checked", false);
    fireEvent.click(stage);
    expect(dialog.getByRole("button", { name: "Suggest again" })).toBeTruthy();
    expect(dialog.getByRole("button", { name: "Replace the rules with these" })).toHaveProperty("disabled", true);
    fireEvent.click(stage);

    const before = store.getState().flow;
    fireEvent.click(dialog.getByRole("button", { name: "Replace the rules with these" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const rules = nodeOf<"score">(store.getState().flow, "s").config.rules;
    expect(rules.length).toBeGreaterThan(0);
    expect(JSON.stringify(rules)).toContain('"visits"');
    store.getState().undo();
    expect(store.getState().flow).toEqual(before);
    expect(store.getState().canUndo).toBe(false);
  }, 60_000);
});

describe("Suggest weights", () => {
  it("lists each member's conversion with its counts, flags a small count, sets the trusted rates in one undo step", async () => {
    const store = createDesignerStore(flow);
    const batch = leads(100);
    const result = compileFlow(flow).run(batch);
    // Bob gets only a handful of leads with a known outcome: his rate is shown but not trusted.
    const withOutcome = batch.map((l, i) => (result.outcomes[i]?.owner === "bob" && i > 40 ? { ...l, converted: null } : l));
    const runs = createRunStore();
    runs.setState({
      outcomeField: "converted",
      current: {
        result,
        leads: withOutcome,
        traces: { trace: async () => [], firstTraceLines: async () => [] },
        flowName: "F",
        at: 0,
      } as never,
    });
    const updateFlow = (recipe: (d: import("immer").Draft<Flow>) => void) => store.getState().change(recipe, { history: "record" });
    render(
      <DesignerStoreContext.Provider value={store}>
        <RunStoreContext.Provider value={runs}>
          <I18nextProvider i18n={makeI18n("en")}>
            <SuggestWeights node={nodeOf<"route">(flow, "r")} flow={store.getState().flow} updateFlow={updateFlow} lang="en" />
          </I18nextProvider>
        </RunStoreContext.Provider>
      </DesignerStoreContext.Provider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Suggest weights" }));
    const dialog = within(screen.getByRole("dialog"));
    const annLeads = withOutcome.filter((l, i) => result.outcomes[i]?.owner === "ann" && l.converted !== null);
    const annSold = annLeads.filter((l) => l.converted === true).length;
    expect(dialog.getByRole("row", { name: /Ann/ }).textContent).toContain(`${annSold} of ${annLeads.length}`);
    expect(dialog.getByRole("row", { name: /Bob/ }).textContent).toMatch(/too few to trust/);
    fireEvent.click(dialog.getByRole("button", { name: "Set these performances" }));
    const members = store.getState().flow.teams[0]?.members ?? [];
    expect(members[0]?.performance).toBe(Math.round((annSold / annLeads.length) * 100) / 100);
    expect(members[1]?.performance).toBe(0.3);
    store.getState().undo();
    expect(store.getState().flow.teams[0]?.members[0]?.performance).toBe(0.5);
  });
});
