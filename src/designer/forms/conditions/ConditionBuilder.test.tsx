// @vitest-environment jsdom
// The condition builder through the filter's inspector: fitting operators only, value editors by type, nesting, reorder, typed text kept.
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import FilterInspector from "../../../../nodes/filter/Inspector";
import { OPERATORS_BY_TYPE, type ConditionGroup } from "../../../engine";
import { translate } from "../../../i18n/catalogue";
import { makeFlow, renderInspector } from "../test-utils";

// Monaco never loads in jsdom: the expression editor shows its plain text box meanwhile.
vi.mock("../../expression/monaco", () => ({
  loadMonaco: () => new Promise(() => {}),
  loadedMonaco: () => {
    throw new Error("not loaded");
  },
}));

afterEach(cleanup);

function setup(conditions: ConditionGroup = { op: "all", rules: [] }) {
  const flow = makeFlow([{ id: "f1", type: "filter", config: { conditions } }]);
  return renderInspector(FilterInspector, flow, "f1");
}

const rule = (n: string) => within(screen.getByRole("group", { name: `Rule ${n}` }));
const pick = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const opLabels = (ops: readonly string[]) => ops.map((op) => translate(`opname.${op}`, {}, "en"));

describe("ConditionBuilder", () => {
  it("makes a new lead field from the field picker and uses it in the rule", () => {
    const h = setup({ op: "all", rules: [{ field: "country", operator: "eq", value: "US" }] });
    pick(rule("1").getByLabelText("Field"), "\u0000new-field");
    const form = within(screen.getByRole("group", { name: "New lead field" }));
    expect((form.getByRole("button", { name: "Add the field" }) as HTMLButtonElement).disabled).toBe(true);
    type(form.getByLabelText("Name of the new field"), "Company size");
    pick(form.getByLabelText("Kind of value"), "number");
    fireEvent.click(form.getByRole("button", { name: "Add the field" }));
    expect(h.flow().fields.find((f) => f.key === "company_size")).toEqual({ key: "company_size", label: "Company size", type: "number" });
    expect(h.config().conditions.rules[0]).toMatchObject({ field: "company_size" });
    expect(screen.queryByRole("group", { name: "New lead field" })).toBeNull();
    const options = [...rule("1").getByLabelText("Operator").querySelectorAll("option")].map((o) => o.textContent);
    expect(options).toEqual(opLabels(OPERATORS_BY_TYPE.number));
  });

  it("a new choice field keeps the options typed for it; Cancel adds nothing", () => {
    const h = setup({ op: "all", rules: [{ field: "country", operator: "eq", value: "US" }] });
    const before = h.flow().fields.length;
    pick(rule("1").getByLabelText("Field"), "\u0000new-field");
    let form = within(screen.getByRole("group", { name: "New lead field" }));
    type(form.getByLabelText("Name of the new field"), "Lead source");
    fireEvent.click(form.getByRole("button", { name: "Cancel" }));
    expect(h.flow().fields).toHaveLength(before);
    pick(rule("1").getByLabelText("Field"), "\u0000new-field");
    form = within(screen.getByRole("group", { name: "New lead field" }));
    type(form.getByLabelText("Name of the new field"), "Lead source");
    pick(form.getByLabelText("Kind of value"), "enum");
    type(form.getByLabelText("Its options (comma-separated)"), "Web, Event， Partner");
    fireEvent.click(form.getByRole("button", { name: "Add the field" }));
    expect(h.flow().fields.find((f) => f.key === "lead_source")).toEqual({
      key: "lead_source",
      label: "Lead source",
      type: "enum",
      options: ["Web", "Event", "Partner"],
    });
  });

  it("offers only the operators that fit the chosen field's type", () => {
    setup({ op: "all", rules: [{ field: "employees", operator: "gt", value: 10 }] });
    const options = () => [...rule("1").getByLabelText("Operator").querySelectorAll("option")].map((o) => o.textContent);
    expect(options()).toEqual(opLabels(OPERATORS_BY_TYPE.number));
    pick(rule("1").getByLabelText("Field"), "vip");
    expect(options()).toEqual(opLabels(OPERATORS_BY_TYPE.boolean));
    pick(rule("1").getByLabelText("Field"), "tags");
    expect(options()).toEqual(opLabels(OPERATORS_BY_TYPE.list));
  });

  it("builds “country is one of US, CA” from clicks and typing, and the engine's issue goes away", () => {
    const h = setup();
    fireEvent.click(screen.getByRole("button", { name: "+ Rule" }));
    pick(rule("1").getByLabelText("Field"), "country");
    pick(rule("1").getByLabelText("Operator"), "in");
    expect(screen.getByText(/must be a list of values/)).toBeTruthy();
    const box = rule("1").getByLabelText("Value");
    type(box, "US");
    fireEvent.keyDown(box, { key: "Enter" });
    type(box, "CA");
    fireEvent.keyDown(box, { key: "Enter" });
    expect(h.config().conditions).toEqual({ op: "all", rules: [{ field: "country", operator: "in", value: ["US", "CA"] }] });
    expect(screen.queryByText(/must be a list of values/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Remove US" }));
    expect(h.config().conditions.rules[0]).toMatchObject({ value: ["CA"] });
  });

  it("shows an enum field's options as toggle chips", () => {
    const h = setup({ op: "all", rules: [{ field: "industry", operator: "in", value: [] }] });
    const chip = (name: string) => rule("1").getByRole("button", { name });
    fireEvent.click(chip("software"));
    fireEvent.click(chip("finance"));
    expect(chip("software").getAttribute("aria-pressed")).toBe("true");
    expect(chip("retail").getAttribute("aria-pressed")).toBe("false");
    expect(h.config().conditions.rules[0]).toMatchObject({ value: ["software", "finance"] });
    fireEvent.click(chip("software"));
    expect(h.config().conditions.rules[0]).toMatchObject({ value: ["finance"] });
    pick(rule("1").getByLabelText("Operator"), "eq");
    expect(h.config().conditions.rules[0]).toEqual({ field: "industry", operator: "eq", value: "finance" });
  });

  it("gives each operator its value editor: range, days, yes/no, date, nothing for “is empty”", () => {
    const h = setup({ op: "all", rules: [{ field: "employees", operator: "gt", value: 10 }] });
    pick(rule("1").getByLabelText("Operator"), "between");
    type(rule("1").getByLabelText("To"), "500");
    expect(h.config().conditions.rules[0]).toEqual({ field: "employees", operator: "between", value: [10, 500] });
    pick(rule("1").getByLabelText("Operator"), "is_empty");
    expect(rule("1").queryByLabelText("Value")).toBeNull();
    expect(h.config().conditions.rules[0]).toEqual({ field: "employees", operator: "is_empty" });
    pick(rule("1").getByLabelText("Field"), "lastContact");
    pick(rule("1").getByLabelText("Operator"), "within_last_days");
    type(rule("1").getByLabelText("Value"), "30");
    expect(h.config().conditions.rules[0]).toEqual({ field: "lastContact", operator: "within_last_days", value: 30 });
    pick(rule("1").getByLabelText("Operator"), "lt");
    type(rule("1").getByLabelText("Value"), "2025-01-31");
    expect(h.config().conditions.rules[0]).toEqual({ field: "lastContact", operator: "lt", value: "2025-01-31" });
    pick(rule("1").getByLabelText("Field"), "vip");
    pick(rule("1").getByLabelText("Value"), "true");
    expect(h.config().conditions.rules[0]).toEqual({ field: "vip", operator: "eq", value: true });
  });

  it("nests all/any groups and stops at the engine's depth limit", () => {
    const h = setup();
    fireEvent.click(screen.getByRole("button", { name: "+ Group" }));
    const group = (n: string) => within(screen.getByRole("group", { name: `Group ${n}` }));
    pick(group("1").getByLabelText("Leads match when"), "any");
    fireEvent.click(group("1").getAllByRole("button", { name: "+ Rule" }).at(-1)!);
    expect(h.config().conditions.rules[0]).toMatchObject({ op: "any", rules: [{ field: "country" }, { field: "country" }] });
    // Each new group holds one rule, so the next group inside it is number 2 there (1.3 holds 1.3.1, then 1.3.2 …).
    for (const n of ["1", "1.3", "1.3.2"]) fireEvent.click(group(n).getAllByRole("button", { name: "+ Group" }).at(-1)!);
    const deepest = group("1.3.2.2").getAllByRole("button", { name: "+ Group" }).at(-1) as HTMLButtonElement;
    expect(deepest.disabled).toBe(true);
    expect((group("1.3.2").getAllByRole("button", { name: "+ Group" }).at(-1) as HTMLButtonElement).disabled).toBe(false);
  });

  it("deletes and reorders rules", () => {
    const h = setup({
      op: "all",
      rules: [
        { field: "country", operator: "eq", value: "US" },
        { field: "employees", operator: "gt", value: 50 },
        { expr: "vip == true" },
      ],
    });
    fireEvent.click(screen.getByRole("button", { name: "Move Rule 3 up" }));
    expect(h.config().conditions.rules.map((r) => ("expr" in r ? r.expr : r.field))).toEqual(["country", "vip == true", "employees"]);
    fireEvent.click(screen.getByRole("button", { name: "Delete Rule 1" }));
    expect(h.config().conditions.rules.map((r) => ("expr" in r ? r.expr : r.field))).toEqual(["vip == true", "employees"]);
    expect((screen.getByRole("button", { name: "Move Rule 1 up" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("keeps half-typed values as typed, with the engine's issue beside the box", () => {
    const h = setup({ op: "all", rules: [{ field: "employees", operator: "gt", value: 10 }] });
    const box = rule("1").getByLabelText("Value") as HTMLInputElement;
    type(box, "1.");
    expect(box.value).toBe("1.");
    expect(h.config().conditions.rules[0]).toMatchObject({ value: 1 });
    type(box, "12k");
    expect(box.value).toBe("12k");
    expect(h.config().conditions.rules[0]).toMatchObject({ value: "12k" });
    const described = box.getAttribute("aria-describedby") ?? "";
    expect(described).not.toBe("");
    const messages = described
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");
    expect(messages).toMatch(/must be a number/);
  });

  it("merges typing in one box into one undo step", () => {
    const h = setup({ op: "all", rules: [{ field: "country", operator: "eq" }] });
    const before = h.steps();
    const box = rule("1").getByLabelText("Value");
    for (const text of ["G", "Ge", "Ger", "Germany"]) type(box, text);
    expect(h.config().conditions.rules[0]).toMatchObject({ value: "Germany" });
    expect(h.steps() - before).toBe(1);
  });

  it("saves a half-typed advanced expression exactly as typed and shows the engine's error", () => {
    const h = setup();
    fireEvent.click(screen.getByRole("button", { name: "+ Advanced expression" }));
    const box = rule("1").getByLabelText("Expression");
    type(box, "employees > ");
    expect(h.config().conditions.rules[0]).toEqual({ expr: "employees > " });
    expect(screen.getByText(/Expression:/)).toBeTruthy();
    type(box, "employees > 50");
    expect(screen.queryByText(/Expression:/)).toBeNull();
  });
});
