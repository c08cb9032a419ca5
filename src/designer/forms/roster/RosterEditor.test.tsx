// @vitest-environment jsdom
// The roster editor from the route's form: teams, members (ids from names, route references kept), and roster CSV import.
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import RouteInspector from "../../../../nodes/route/Inspector";
import { routeDefaults } from "../../../../nodes/route/schema";
import type { Team } from "../../../engine";
import { makeFlow, renderInspector } from "../test-utils";

afterEach(cleanup);

function setup(teams: Team[] = [], team = "") {
  const flow = makeFlow([{ id: "r1", type: "route", config: { ...routeDefaults(), team } }], { teams });
  const h = renderInspector(RouteInspector, flow, "r1");
  fireEvent.click(screen.getByRole("button", { name: "Edit teams…" }));
  return h;
}
const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const dialog = () => within(screen.getByRole("dialog", { name: "Teams" }));

describe("RosterEditor", () => {
  it("asks before deleting a team a route uses, and keeps it on 'Keep the team'", () => {
    const h = setup([{ id: "emea", name: "EMEA", members: [{ id: "ann", name: "Ann" }] }], "emea");
    fireEvent.click(dialog().getByRole("button", { name: "Delete team EMEA" }));
    expect(dialog().getByRole("alert").textContent).toContain("“EMEA” is used by 1 route step(s)");
    expect(h.flow().teams).toHaveLength(1);
    fireEvent.click(dialog().getByRole("button", { name: "Keep the team" }));
    expect(dialog().queryByRole("alert")).toBeNull();
    expect(h.flow().teams).toHaveLength(1);
    fireEvent.click(dialog().getByRole("button", { name: "Delete team EMEA" }));
    fireEvent.click(dialog().getByRole("button", { name: "Delete the team anyway" }));
    expect(h.flow().teams).toEqual([]);
  });

  it("deletes a team nobody uses without asking", () => {
    const h = setup(
      [
        { id: "emea", name: "EMEA", members: [] },
        { id: "spare", name: "Spare", members: [] },
      ],
      "emea",
    );
    fireEvent.change(dialog().getByLabelText("Team"), { target: { value: "spare" } });
    fireEvent.click(dialog().getByRole("button", { name: "Delete team Spare" }));
    expect(h.flow().teams.map((t) => t.id)).toEqual(["emea"]);
  });

  it("adds a team (the empty route takes it) and members whose ids follow their names", () => {
    const h = setup();
    fireEvent.click(dialog().getByRole("button", { name: "+ Team" }));
    expect(h.flow().teams).toEqual([{ id: "team-1", name: "Team 1", members: [] }]);
    expect(h.config().team).toBe("team-1");
    type(dialog().getByLabelText("Team name"), "EMEA reps");
    fireEvent.click(dialog().getByRole("button", { name: "+ Member" }));
    type(dialog().getByLabelText("Name, member 1"), "Ann Lee");
    fireEvent.click(dialog().getByRole("button", { name: "+ Member" }));
    type(dialog().getByLabelText("Name, member 2"), "Ann Lee");
    expect(h.flow().teams[0]?.members.map((m) => m.id)).toEqual(["ann-lee", "ann-lee-2"]);
    type(dialog().getByLabelText("ID, member 2"), "ann-lee");
    expect(dialog().getByText("Another one already has this id.")).toBeTruthy();
    type(dialog().getByLabelText("ID, member 2"), "al2");
    type(dialog().getByLabelText("Name, member 2"), "Annie");
    expect(h.flow().teams[0]).toMatchObject({
      name: "EMEA reps",
      members: [
        { id: "ann-lee", name: "Ann Lee" },
        { id: "al2", name: "Annie" },
      ],
    });
  });

  it("edits a member's switches, numbers, regions and working hours", () => {
    const h = setup([{ id: "emea", name: "EMEA", members: [{ id: "ann", name: "Ann" }] }], "emea");
    fireEvent.click(dialog().getByLabelText("Active, member 1"));
    type(dialog().getByLabelText("Weight, member 1"), "3");
    fireEvent.click(dialog().getByRole("button", { name: "More settings for Ann" }));
    type(dialog().getByLabelText("Leads per day"), "20");
    const regions = dialog().getByLabelText("Regions");
    type(regions, "DE, FR");
    fireEvent.keyDown(regions, { key: "Enter" });
    fireEvent.click(dialog().getByLabelText("Only during working hours"));
    fireEvent.click(dialog().getByLabelText("Fri"));
    type(dialog().getByLabelText("Until"), "17:30");
    expect(h.flow().teams[0]?.members[0]).toEqual({
      id: "ann",
      name: "Ann",
      active: false,
      weight: 3,
      capacity: { perDay: 20 },
      attributes: { regions: ["DE", "FR"] },
      workingHours: { days: [1, 2, 3, 4], start: "09:00", end: "17:30" },
    });
  });

  it("renames a member id and the fixed route that names it follows", () => {
    const flow = makeFlow([{ id: "r1", type: "route", config: { team: "emea", strategy: "fixed", member: "ann" } }], {
      teams: [
        {
          id: "emea",
          name: "EMEA",
          members: [
            { id: "ann", name: "Ann" },
            { id: "bo", name: "Bo" },
          ],
        },
      ],
    });
    const h = renderInspector(RouteInspector, flow, "r1");
    fireEvent.click(screen.getByRole("button", { name: "Edit teams…" }));
    type(dialog().getByLabelText("ID, member 1"), "ann-lee");
    expect(h.config().member).toBe("ann-lee");
    fireEvent.click(dialog().getByRole("button", { name: "Move Bo up" }));
    expect(h.flow().teams[0]?.members.map((m) => m.id)).toEqual(["bo", "ann-lee"]);
    fireEvent.click(dialog().getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("imports a roster CSV: the broken row is reported and kept, the good rows are added", async () => {
    const h = setup([{ id: "emea", name: "EMEA", members: [{ id: "ann", name: "Ann", email: "ann@example.com" }] }], "emea");
    const csv = "Name,Email,Weight,Regions\nBo,bo@example.com,2,US;CA\nCy,cy@example.com,heavy,DE\nAnn Lee,ann@example.com,4,\n";
    fireEvent.change(dialog().getByLabelText("Import roster CSV"), {
      target: { files: [new File([csv], "reps.csv", { type: "text/csv" })] },
    });
    await waitFor(() => expect(dialog().getByText("reps.csv: 2 added, 1 updated.")).toBeTruthy());
    expect(dialog().getByText("Row 2, Weight: “heavy” is not a number; left empty.")).toBeTruthy();
    expect(h.flow().teams[0]?.members).toEqual([
      { id: "ann", name: "Ann Lee", email: "ann@example.com", weight: 4 },
      { id: "bo", name: "Bo", email: "bo@example.com", weight: 2, attributes: { regions: ["US", "CA"] } },
      { id: "cy", name: "Cy", email: "cy@example.com", attributes: { regions: ["DE"] } },
    ]);
    expect((dialog().getByLabelText("Name, member 3") as HTMLInputElement).value).toBe("Cy");
  });
});
