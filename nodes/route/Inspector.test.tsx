// @vitest-environment jsdom
// The route's form: team picker, strategies with their one-line help, strategy settings, match and respect options.
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { makeFlow, renderInspector } from "../../src/designer/forms/test-utils";
import type { MessageParams } from "../../src/engine";
import { translate } from "../../src/i18n/catalogue";
import { routeUi } from "./ui";
import RouteInspector from "./Inspector";
import { routeDefaults, type RouteConfig } from "./schema";

afterEach(cleanup);

const teams = [
  {
    id: "emea",
    name: "EMEA reps",
    members: [
      { id: "ann", name: "Ann" },
      { id: "bo", name: "Bo", active: false },
    ],
  },
];
function setup(config: Partial<RouteConfig> = {}, lang: "en" | "zh-CN" = "en") {
  const flow = makeFlow([{ id: "r1", type: "route", config: { ...routeDefaults(), ...config } }], { teams });
  return renderInspector(RouteInspector, flow, "r1", lang);
}
const radio = (name: string) => screen.getByRole("radio", { name });
const describedText = (el: HTMLElement) => document.getElementById(el.getAttribute("aria-describedby") ?? "")?.textContent ?? "";

describe("RouteInspector", () => {
  it("picks a team; the engine's “choose a team” error sits beside the picker until then", () => {
    const h = setup();
    const picker = screen.getByLabelText("Team");
    expect(document.getElementById((picker.getAttribute("aria-describedby") ?? "").split(" ").at(-1) ?? "")?.textContent).toMatch(
      /Choose a team/,
    );
    fireEvent.change(picker, { target: { value: "emea" } });
    expect(h.config().team).toBe("emea");
    expect(screen.getByText("Members: 2 (1 active)")).toBeTruthy();
    expect(screen.queryByText(/Choose a team for this route/)).toBeNull();
  });

  it("explains each strategy in one line and shows the settings the chosen one needs", () => {
    const h = setup({ team: "emea" });
    expect(screen.getByText("Each member in turn, in roster order.")).toBeTruthy();
    expect(screen.getByLabelText("Let members catch up")).toBeTruthy();
    fireEvent.click(screen.getByLabelText("Let members catch up"));
    expect(h.config().catchUp).toBe(true);

    fireEvent.click(radio("Weighted round robin"));
    fireEvent.change(screen.getByLabelText("Weight comes from"), { target: { value: "performance" } });
    expect(h.config()).toMatchObject({ strategy: "weighted_round_robin", weightBy: "performance" });

    fireEvent.click(radio("Fixed owner"));
    expect(screen.getByText(/A fixed route needs a member/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Member"), { target: { value: "bo" } });
    expect(h.config().member).toBe("bo");

    fireEvent.click(radio("Existing owner"));
    fireEvent.change(screen.getByLabelText("Lead field holding the owner"), { target: { value: "country" } });
    expect(h.config()).toMatchObject({ strategy: "lead_owner", ownerField: "country", member: "bo" });
  });

  it("sets territory match and which members to skip", () => {
    const h = setup({ team: "emea" });
    fireEvent.click(screen.getByLabelText("Only members whose list contains the lead's value"));
    expect(h.config().match).toEqual({ leadField: "country", memberAttribute: "regions" });
    fireEvent.change(screen.getByLabelText("Member list"), { target: { value: "skills" } });
    fireEvent.change(screen.getByLabelText("Lead field"), { target: { value: "industry" } });
    expect(h.config().match).toEqual({ leadField: "industry", memberAttribute: "skills" });
    fireEvent.click(screen.getByLabelText("Outside their working hours"));
    fireEvent.click(screen.getByLabelText("At their capacity"));
    expect(h.config().respect).toEqual({ workingHours: true, capacity: false });
  });

  it("skips previous owners for a reassignment, explained in one sentence", () => {
    const h = setup({ team: "emea" });
    const toggle = screen.getByRole("switch", { name: "Previous owners of this lead" });
    expect(describedText(toggle)).toBe(
      "For reassignment after a missed follow-up deadline or a rejection: the lead goes to someone who has not had it yet.",
    );
    fireEvent.click(toggle);
    expect(h.config().exclude).toBe("previous_owners");
    fireEvent.click(toggle);
    expect(h.config().exclude).toBeUndefined();
    fireEvent.click(toggle);
    const node = h.flow().nodes[0];
    if (node?.type !== "route") throw new Error("no route");
    const say = (code: string, params?: MessageParams) => translate(code, params ?? {}, "en");
    const ctx = { t: say, te: say, lang: "en" as const, teams, fieldLabels: new Map<string, string>() };
    expect(routeUi.summary(node, ctx)).toBe("round robin · EMEA reps · skips previous owners");
    cleanup();
    setup({ team: "emea", exclude: "previous_owners" }, "zh-CN");
    expect((screen.getByRole("switch", { name: "以前负责过此线索的人" }) as HTMLInputElement).checked).toBe(true);
  });

  it("lists the node's problems that no control concerns at the top", () => {
    setup({ team: "emea" });
    const top = screen.getByRole("group", { name: "Problems of this node" });
    expect(top.textContent).toMatch(/unassigned/);
    expect(top.textContent).not.toMatch(/Choose a team/);
  });

  it("speaks Chinese", () => {
    setup({ team: "emea" }, "zh-CN");
    expect(screen.getByLabelText("团队")).toBeTruthy();
    expect(screen.getByText("按名单顺序依次分配。")).toBeTruthy();
    expect(screen.getByRole("button", { name: "编辑团队…" })).toBeTruthy();
  });
});
