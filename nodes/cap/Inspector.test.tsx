// @vitest-environment jsdom
// The cap's form: limit (half-typed text kept), window, and scope explained in a sentence with the numbers filled in.
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { makeFlow, renderInspector } from "../../src/designer/forms/test-utils";
import CapInspector from "./Inspector";

afterEach(cleanup);

describe("CapInspector", () => {
  it("edits limit, window and scope, explaining each scope with the current numbers", () => {
    const h = renderInspector(
      CapInspector,
      makeFlow([{ id: "c1", type: "cap", config: { limit: 20, window: "day", scope: "owner" } }]),
      "c1",
    );
    expect(screen.getByText(/Each rep gets at most 20 leads per day through here/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Limit"), { target: { value: "5" } });
    fireEvent.change(screen.getByLabelText("Counted"), { target: { value: "week" } });
    fireEvent.click(screen.getByRole("radio", { name: "For this path" }));
    expect(h.config()).toEqual({ limit: 5, window: "week", scope: "path" });
    expect(screen.getByText("At most 5 leads per week pass here in all; the rest leave by “overflow”.")).toBeTruthy();
  });

  it("keeps a half-typed limit in the box and the last valid one in the flow", () => {
    const h = renderInspector(
      CapInspector,
      makeFlow([{ id: "c1", type: "cap", config: { limit: 20, window: "total", scope: "path" } }]),
      "c1",
    );
    const box = screen.getByLabelText("Limit") as HTMLInputElement;
    fireEvent.change(box, { target: { value: "2.5" } });
    expect(box.value).toBe("2.5");
    expect(screen.getByText("Enter a whole number.")).toBeTruthy();
    expect(h.config().limit).toBe(20);
    expect(screen.getByText(/At most 20 leads in total pass here/)).toBeTruthy();
  });

  it("shows the engine's error on the scope when no route comes before an owner cap", () => {
    renderInspector(
      CapInspector,
      makeFlow(
        [
          { id: "t1", type: "trigger", config: {} },
          { id: "c1", type: "cap", config: { limit: 20, window: "day", scope: "owner" } },
        ],
        { edges: [{ id: "e1", source: "t1", target: "c1" }] },
      ),
      "c1",
    );
    expect(screen.getByText(/put a route's "assigned" port before it/)).toBeTruthy();
  });
});
