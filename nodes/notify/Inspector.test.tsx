// @vitest-environment jsdom
// The notify node's form: channel, recipient (a custom address kept while empty) and the template editor.
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { makeFlow, renderInspector } from "../../src/designer/forms/test-utils";
import NotifyInspector from "./Inspector";
import { notifyDefaults } from "./schema";

afterEach(cleanup);

describe("NotifyInspector", () => {
  it("switches channel and recipient; an empty custom address stays chosen without breaking the flow", () => {
    const h = renderInspector(NotifyInspector, makeFlow([{ id: "n1", type: "notify", config: notifyDefaults() }]), "n1");
    fireEvent.change(screen.getByLabelText("Channel"), { target: { value: "slack" } });
    fireEvent.click(screen.getByRole("radio", { name: "An address" }));
    const address = screen.getByLabelText("Slack channel or user") as HTMLInputElement;
    expect(address.value).toBe("");
    expect(h.config().to).toBe("owner");
    fireEvent.change(address, { target: { value: "#sales" } });
    expect(h.config()).toMatchObject({ channel: "slack", to: "#sales" });
    fireEvent.change(address, { target: { value: "" } });
    expect(address.value).toBe("");
    expect(h.config().to).toBe("#sales");
    fireEvent.click(screen.getByRole("radio", { name: "The owner's team" }));
    expect(h.config().to).toBe("team");
  });

  it("hides the subject for SMS but keeps it in the document", () => {
    const h = renderInspector(
      NotifyInspector,
      makeFlow([{ id: "n1", type: "notify", config: { ...notifyDefaults(), channel: "sms" } }]),
      "n1",
    );
    expect(screen.queryByLabelText("Subject")).toBeNull();
    expect(h.config().subject).toBe("New lead for you");
  });
});
