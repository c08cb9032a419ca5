// @vitest-environment jsdom
// The roster editor's follow-up settings of a member: dated leave (add, change, remove) and response speed for the simulation.
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import RouteInspector from "../../../../nodes/route/Inspector";
import { routeDefaults } from "../../../../nodes/route/schema";
import type { Lang, Member } from "../../../engine";
import { makeFlow, renderInspector } from "../test-utils";
import { ninetyPercentMinutes } from "./ResponseSpeed";

afterEach(cleanup);

function setup(member: Member, lang: Lang = "en") {
  const flow = makeFlow([{ id: "r1", type: "route", config: { ...routeDefaults(), team: "emea" } }], {
    teams: [{ id: "emea", name: "EMEA", members: [member] }],
  });
  const h = renderInspector(RouteInspector, flow, "r1", lang);
  fireEvent.click(screen.getByRole("button", { name: lang === "en" ? "Edit teams…" : "编辑团队…" }));
  const dialog = within(screen.getByRole("dialog"));
  fireEvent.click(dialog.getByRole("button", { name: lang === "en" ? `More settings for ${member.name}` : `${member.name} 的更多设置` }));
  return { h, dialog, member: () => h.flow().teams[0]?.members[0] };
}
const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

describe("a member's leave", () => {
  it("adds leave ranges, changes their days and removes them", () => {
    const { dialog, member } = setup({ id: "ann", name: "Ann" });
    expect(dialog.getByText("No leave planned.")).toBeTruthy();
    fireEvent.click(dialog.getByRole("button", { name: "+ Leave" }));
    const added = member()?.away?.[0];
    expect(added?.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(added?.to).toBe(added?.from);
    type(dialog.getByLabelText("First day of leave 1"), "2026-12-24");
    type(dialog.getByLabelText("Last day of leave 1"), "2026-12-31");
    fireEvent.click(dialog.getByRole("button", { name: "+ Leave" }));
    type(dialog.getByLabelText("First day of leave 2"), "2027-02-10");
    type(dialog.getByLabelText("Last day of leave 2"), "2027-02-12");
    expect(member()?.away).toEqual([
      { from: "2026-12-24", to: "2026-12-31" },
      { from: "2027-02-10", to: "2027-02-12" },
    ]);
    fireEvent.click(dialog.getByRole("button", { name: "Remove leave 1 of Ann" }));
    expect(member()?.away).toEqual([{ from: "2027-02-10", to: "2027-02-12" }]);
    fireEvent.click(dialog.getByRole("button", { name: "Remove leave 1 of Ann" }));
    expect(member()).toEqual({ id: "ann", name: "Ann" });
  });

  it("keeps a day when its box is emptied, and flags a last day before the first", () => {
    const { dialog, member } = setup({ id: "ann", name: "Ann", away: [{ from: "2026-12-24", to: "2026-12-31" }] });
    type(dialog.getByLabelText("Last day of leave 1"), "");
    expect(member()?.away).toEqual([{ from: "2026-12-24", to: "2026-12-31" }]);
    type(dialog.getByLabelText("Last day of leave 1"), "2026-12-20");
    const last = dialog.getByLabelText("Last day of leave 1");
    expect(last.getAttribute("aria-invalid")).toBe("true");
    expect(dialog.getByText("The last day is before the first day, so this leave covers no day.")).toBeTruthy();
  });
});

describe("a member's response speed", () => {
  it("sets the usual minutes and the spread, and says what they mean", () => {
    const { dialog, member } = setup({ id: "ann", name: "Ann" });
    expect(dialog.getByText("Not set: the simulation uses its standard assumption.")).toBeTruthy();
    type(dialog.getByLabelText("Usual time to first contact (working minutes)"), "10");
    expect(member()?.responseMinutes).toBe(10);
    expect(
      dialog.getByText("So in the simulation half of the first contacts come within 10 and 9 in 10 within 19 working minutes."),
    ).toBeTruthy();
    type(dialog.getByLabelText("Spread"), "1");
    expect(member()?.responseSpread).toBe(1);
    expect(dialog.getByText(/9 in 10 within 36 working minutes/)).toBeTruthy();
    type(dialog.getByLabelText("Usual time to first contact (working minutes)"), "0");
    expect(member()?.responseMinutes).toBe(10);
    expect(dialog.getByText("Enter a number above 0.")).toBeTruthy();
    type(dialog.getByLabelText("Usual time to first contact (working minutes)"), "");
    expect(member()?.responseMinutes).toBeUndefined();
  });

  it("computes the 90th percentile of the log-normal model", () => {
    expect(ninetyPercentMinutes(10, 0)).toBe(10);
    expect(ninetyPercentMinutes(10, 0.5)).toBe(19);
    expect(ninetyPercentMinutes(60, 1)).toBe(216);
  });

  it("speaks Chinese", () => {
    const { dialog } = setup({ id: "ann", name: "Ann", away: [{ from: "2026-12-24", to: "2026-12-31" }], responseMinutes: 20 }, "zh-CN");
    expect(dialog.getByText("Ann 的休假")).toBeTruthy();
    expect((dialog.getByLabelText("休假 1 的第一天") as HTMLInputElement).value).toBe("2026-12-24");
    expect(dialog.getByText("因此在模拟中，一半的首次联系在 20 个工作分钟内，十分之九在 38 个工作分钟内。")).toBeTruthy();
  });
});
