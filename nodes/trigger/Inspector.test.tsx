// @vitest-environment jsdom
// The trigger's form: sources as chips and optional extra conditions.
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { makeFlow, renderInspector } from "../../src/designer/forms/test-utils";
import TriggerInspector from "./Inspector";

afterEach(cleanup);

describe("TriggerInspector", () => {
  it("adds and removes sources as chips and adds a condition group", () => {
    const h = renderInspector(TriggerInspector, makeFlow([{ id: "t1", type: "trigger", config: { sources: [] } }]), "t1");
    const box = screen.getByLabelText("Lead sources");
    fireEvent.change(box, { target: { value: "web, webinar" } });
    fireEvent.keyDown(box, { key: "Enter" });
    fireEvent.change(box, { target: { value: "Web" } });
    fireEvent.blur(box);
    expect(h.config().sources).toEqual(["web", "webinar"]);
    fireEvent.click(screen.getByRole("button", { name: "Remove web" }));
    expect(h.config().sources).toEqual(["webinar"]);
    fireEvent.click(screen.getByLabelText("Only leads that also meet conditions"));
    const group = within(screen.getByRole("group", { name: "Accept a lead when" }));
    fireEvent.click(group.getByRole("button", { name: "+ Rule" }));
    expect(h.config().when).toEqual({ op: "all", rules: [{ field: "country", operator: "eq" }] });
    fireEvent.click(screen.getByLabelText("Only leads that also meet conditions"));
    expect(h.config().when).toBeUndefined();
  });
});
