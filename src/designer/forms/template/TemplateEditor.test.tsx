// @vitest-environment jsdom
// The notify node's template editor: chips insert at the cursor, the preview renders a sample lead as escaped text.
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import NotifyInspector from "../../../../nodes/notify/Inspector";
import { notifyDefaults } from "../../../../nodes/notify/schema";
import { makeFlow, renderInspector } from "../test-utils";
import { insertAt } from "./sample";

afterEach(cleanup);

function setup(template: string, subject = "New lead") {
  const flow = makeFlow([{ id: "n1", type: "notify", config: { ...notifyDefaults(), subject, template } }], {
    teams: [{ id: "emea", name: "EMEA reps", members: [{ id: "ann", name: "Ann", email: "ann@example.com" }] }],
  });
  return renderInspector(NotifyInspector, flow, "n1");
}
const preview = () => screen.getByTestId("template-preview");

describe("TemplateEditor", () => {
  it("inserts a variable chip at the cursor of the message box", () => {
    const h = setup("Hello , a new lead.");
    const body = screen.getByLabelText("Message") as HTMLTextAreaElement;
    body.focus();
    body.setSelectionRange(6, 6);
    fireEvent.click(screen.getByRole("button", { name: "Insert Owner name ({{owner.name}})" }));
    expect(h.config().template).toBe("Hello {{owner.name}}, a new lead.");
    expect(body.selectionStart).toBe(6 + "{{owner.name}}".length);
    fireEvent.click(within(screen.getByRole("group", { name: "Insert a value of the Lead" })).getByRole("button", { name: /Country/ }));
    expect(h.config().template).toBe("Hello {{owner.name}}{{lead.country}}, a new lead.");
  });

  it("inserts into the subject when the subject box was used last, replacing the selection", () => {
    const h = setup("Body", "New lead from X");
    const subject = screen.getByLabelText("Subject") as HTMLInputElement;
    fireEvent.focus(subject);
    subject.setSelectionRange(14, 15);
    fireEvent.click(screen.getByRole("button", { name: /\{\{lead\.country\}\}/ }));
    expect(h.config().subject).toBe("New lead from {{lead.country}}");
  });

  it("previews on a sample lead, owner and team", () => {
    setup("{{lead.industry}} lead for {{owner.name}} ({{team.name}}) in {{flow.name}}: {{lead.employees}} people");
    expect(preview().textContent).toContain("software lead for Ann (EMEA reps) in Test flow: 42 people");
  });

  it("shows markup in a template as text, never as elements", () => {
    setup("<script>alert(1)</script><b>{{lead.country}}</b>");
    expect(preview().textContent).toContain("<script>alert(1)</script><b>‹Country›</b>");
    expect(preview().querySelector("script, b")).toBeNull();
  });

  it("shows the engine's warning about an unknown variable beside the box", () => {
    setup("Hi {{lead.nope}}");
    const body = screen.getByLabelText("Message");
    const ids = (body.getAttribute("aria-describedby") ?? "").split(" ");
    expect(ids.map((id) => document.getElementById(id)?.textContent).join(" ")).toMatch(/\{\{lead\.nope\}\}/);
  });

  it("replaces a selection and reports where the cursor goes", () => {
    expect(insertAt("abcdef", 2, 4, "X")).toEqual({ text: "abXef", cursor: 3 });
    expect(insertAt("ab", 9, 9, "X")).toEqual({ text: "abX", cursor: 3 });
  });
});
