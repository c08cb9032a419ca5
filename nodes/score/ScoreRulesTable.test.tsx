// @vitest-environment jsdom
// The score inspector: rules table edits (labels, negative points, per-unit, conditions, reorder) and grade bands.
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import ScoreInspector from "./Inspector";
import { scoreDefaults, type ScoreConfig } from "./schema";
import { makeFlow, renderInspector } from "../../src/designer/forms/test-utils";

afterEach(cleanup);

function setup(config: Partial<ScoreConfig> = {}) {
  const flow = makeFlow([{ id: "s1", type: "score", config: { ...scoreDefaults(), ...config } }]);
  return renderInspector(ScoreInspector, flow, "s1");
}
const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe("ScoreRulesTable", () => {
  it("adds a rule and edits its label and (negative) points; half-typed points stay in the box", () => {
    const h = setup();
    fireEvent.click(screen.getByRole("button", { name: "+ Scoring rule" }));
    type(input("Label, rule 1"), "Free-mail address");
    type(input("Points, rule 1"), "-");
    expect(input("Points, rule 1").value).toBe("-");
    expect(screen.getByText("Enter a number, e.g. 12 or 2.5.")).toBeTruthy();
    expect(h.config().rules[0]).toEqual({ label: "Free-mail address", points: 10 });
    type(input("Points, rule 1"), "-15");
    expect(h.config().rules[0]).toEqual({ label: "Free-mail address", points: -15 });
    type(input("Points, rule 1"), "");
    expect(h.config().rules[0]?.points).toBe(-15);
    expect(input("Points, rule 1").value).toBe("");
  });

  it("turns a rule into points per unit of a number field, capped", () => {
    const h = setup({ rules: [{ label: "Page views", points: 2 }] });
    const per = screen.getByLabelText("Per unit of, rule 1");
    expect([...per.querySelectorAll("option")].map((o) => o.textContent)).toEqual([
      "— (fixed points)",
      "score",
      "Employees",
      "Page views",
      "New field…",
    ]);
    fireEvent.change(per, { target: { value: "pageViews" } });
    type(input("Unit size, rule 1"), "5");
    type(input("At most, rule 1"), "20");
    expect(h.config().rules[0]).toEqual({ label: "Page views", points: 2, per: { field: "pageViews", unit: 5 }, max: 20 });
    fireEvent.change(per, { target: { value: "" } });
    expect(h.config().rules[0]?.per).toBeUndefined();
  });

  it("edits a rule's condition inline and removes it again", () => {
    const h = setup({ rules: [{ label: "Software", points: 10 }] });
    expect(screen.getByText("always")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Add condition to rule 1" }));
    const builder = within(screen.getByRole("group", { name: "Rule 1 applies when" }));
    fireEvent.change(builder.getByLabelText("Field"), { target: { value: "industry" } });
    fireEvent.click(builder.getByRole("button", { name: "software" }));
    expect(h.config().rules[0]?.when).toEqual({ op: "all", rules: [{ field: "industry", operator: "in", value: ["software"] }] });
    expect(screen.getByText("Industry is one of software")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Remove the condition (always apply)" }));
    expect(h.config().rules[0]?.when).toBeUndefined();
  });

  it("shows the problems of a closed condition beside its Edit button", () => {
    setup({ rules: [{ label: "Old", when: { op: "all", rules: [{ field: "gone", operator: "eq", value: 1 }] }, points: 5 }] });
    const edit = screen.getByRole("button", { name: "Edit condition of rule 1" });
    const note = document.getElementById(edit.getAttribute("aria-describedby") ?? "");
    expect(note?.textContent).toMatch(/"gone"/);
  });

  it("reorders and deletes rules", () => {
    const h = setup({
      rules: [
        { label: "a", points: 1 },
        { label: "b", points: 2 },
        { label: "c", points: 3 },
      ],
    });
    fireEvent.click(screen.getByRole("button", { name: "Move rule 1 down" }));
    fireEvent.click(screen.getByRole("button", { name: "Delete rule 3" }));
    expect(h.config().rules.map((r) => r.label)).toEqual(["b", "a"]);
    expect(input("Label, rule 1").value).toBe("b");
  });

  it("edits grade bands: adds before the catch-all, flags an out-of-order minimum beside it", () => {
    const h = setup();
    fireEvent.click(screen.getByRole("button", { name: "+ Band" }));
    expect(h.config().grades?.bands).toEqual([{ name: "A", min: 40 }, { name: "B", min: 20 }, { name: "D", min: 10 }, { name: "C" }]);
    const band3 = within(screen.getByRole("group", { name: "Band 3" }));
    type(band3.getByLabelText("From score"), "30x");
    expect(h.config().grades?.bands[2]?.min).toBe(10);
    type(band3.getByLabelText("From score"), "30");
    const box = band3.getByLabelText("From score");
    const describedBy = box.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy.split(" ").at(-1) ?? "")?.textContent).toMatch(/order|D/);
    type(within(screen.getByRole("group", { name: "Band 2" })).getByLabelText("Grade"), "");
    expect(h.config().grades?.bands[1]?.name).toBe("B");
    expect(screen.getByText("Fill this in; until then the previous value is kept.")).toBeTruthy();
    fireEvent.click(within(screen.getByRole("group", { name: "Band 4" })).getByLabelText("Every lower score (catch-all)"));
    expect(h.config().grades?.bands[3]).toEqual({ name: "C", min: 0 });
  });
});
