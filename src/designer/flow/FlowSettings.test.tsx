// @vitest-environment jsdom
// The flow settings against a real designer store: the time zone, holidays added, named, removed and pasted as a list, each
// change one undo step.
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, it } from "vitest";
import type { Flow, Lang } from "../../engine";
import { createI18n } from "../../i18n";
import { DesignerStoreContext } from "../store/context";
import { createDesignerStore } from "../store/store";
import { FlowSettings } from "./FlowSettings";

afterEach(cleanup);

const FLOW: Flow = {
  format: "leadwire.flow",
  version: 2,
  id: "f",
  name: "F",
  settings: { timezone: "Europe/Berlin", seed: 1 },
  fields: [],
  teams: [],
  nodes: [],
  edges: [],
};

function setup(flow: Flow = FLOW, lang: Lang = "en") {
  const store = createDesignerStore(flow);
  render(
    <DesignerStoreContext.Provider value={store}>
      <I18nextProvider i18n={createI18n(lang)}>
        <FlowSettings />
      </I18nextProvider>
    </DesignerStoreContext.Provider>,
  );
  return { store, settings: () => store.getState().flow.settings };
}
const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

describe("FlowSettings", () => {
  it("changes the time zone working hours are read in", () => {
    const { settings } = setup();
    const zone = screen.getByLabelText("Time zone") as HTMLSelectElement;
    expect(zone.value).toBe("Europe/Berlin");
    type(zone, "Asia/Shanghai");
    expect(settings()).toEqual({ timezone: "Asia/Shanghai", seed: 1 });
    expect(screen.getByText(/Working hours, holidays, leave and daily caps are read in this time zone/)).toBeTruthy();
  });

  it("adds, names, changes and removes holidays; Undo takes a step back", () => {
    const { store, settings } = setup({ ...FLOW, settings: { timezone: "UTC", holidays: ["2026-12-25"] } });
    fireEvent.click(screen.getByRole("button", { name: "+ Holiday" }));
    expect(settings()?.holidays).toEqual(["2026-12-25", "2026-12-26"]);
    type(screen.getByLabelText("Name of holiday 1 (optional)"), "Christmas Day");
    type(screen.getByLabelText("Date of holiday 2"), "2027-01-01");
    expect(settings()).toEqual({
      timezone: "UTC",
      holidays: ["2026-12-25", "2027-01-01"],
      holidayNames: { "2026-12-25": "Christmas Day" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Remove the holiday on 2026-12-25" }));
    expect(settings()).toEqual({ timezone: "UTC", holidays: ["2027-01-01"] });
    store.getState().undo();
    expect(settings()?.holidays).toEqual(["2026-12-25", "2027-01-01"]);
  });

  it("adds a pasted list and says which lines it could not read", () => {
    const { settings } = setup({ ...FLOW, settings: { holidays: ["2026-12-25"] } });
    type(
      screen.getByLabelText("Paste a list of holidays"),
      "2026-12-25 Christmas Day\n2026-12-26 Boxing Day\nEaster Monday\n01.01.2027 New Year",
    );
    fireEvent.click(screen.getByRole("button", { name: "Add these holidays" }));
    expect(settings()).toEqual({
      holidays: ["2026-12-25", "2026-12-26", "2027-01-01"],
      holidayNames: { "2026-12-25": "Christmas Day", "2026-12-26": "Boxing Day", "2027-01-01": "New Year" },
    });
    expect(screen.getByRole("status").textContent).toBe(
      "2 added, 1 already in the list. Lines without a date we could read (not added): “Easter Monday”.",
    );
    expect((screen.getByLabelText("Paste a list of holidays") as HTMLTextAreaElement).value).toContain("Easter Monday");
  });

  it("speaks Chinese", () => {
    setup({ ...FLOW, settings: { holidays: ["2027-02-17"], holidayNames: { "2027-02-17": "春节" } } }, "zh-CN");
    expect(screen.getByRole("heading", { name: "流程设置" })).toBeTruthy();
    expect((screen.getByLabelText("节假日 1 的名称（可选）") as HTMLInputElement).value).toBe("春节");
    expect(screen.getByRole("button", { name: "+ 节假日" })).toBeTruthy();
  });
});
