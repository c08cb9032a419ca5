// @vitest-environment jsdom
// The follow-up's form: deadline and clock (with the hours and holidays it counts), reminders with chips and preview, the
// cadence (add, reorder, delete, at most 20), the ways out in words, the engine's errors beside the controls, and the card line.
import { cleanup, fireEvent, screen, within as inside } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Edge, Flow, FlowNode, Lang, MessageParams } from "../../src/engine";
import { makeFlow, renderInspector } from "../../src/designer/forms/test-utils";
import { translate } from "../../src/i18n/catalogue";
import FollowUpInspector from "./Inspector";
import { followUpDefaults, type FollowUpConfig } from "./schema";
import { followUpUi } from "./ui";

afterEach(cleanup);

const teams = [
  {
    id: "emea",
    name: "EMEA reps",
    members: [
      { id: "ann", name: "Ann", workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" } },
      { id: "bo", name: "Bo", away: [{ from: "2026-12-24", to: "2026-12-31" }] },
    ],
  },
];

function flowWith(config: Partial<FollowUpConfig> = {}, options: { route?: boolean; edges?: Edge[]; nodes?: FlowNode[] } = {}): Flow {
  const route = options.route ?? true;
  const nodes: FlowNode[] = [
    { id: "t", type: "trigger", config: { sources: [] } },
    ...(route ? [{ id: "r", type: "route", label: "EMEA", config: { team: "emea", strategy: "round_robin" } } as FlowNode] : []),
    { id: "f", type: "follow_up", config: { ...followUpDefaults(), ...config } },
    ...(options.nodes ?? []),
  ];
  const edges: Edge[] = route
    ? [
        { id: "e1", source: "t", target: "r" },
        { id: "e2", source: "r", sourcePort: "assigned", target: "f" },
      ]
    : [{ id: "e1", source: "t", target: "f" }];
  return makeFlow(nodes, {
    teams,
    settings: { timezone: "Europe/Berlin", holidays: ["2026-12-25", "2026-12-26"], holidayNames: { "2026-12-25": "Christmas Day" } },
    edges: [...edges, ...(options.edges ?? [])],
  });
}

const setup = (flow: Flow, lang: Lang = "en") => renderInspector(FollowUpInspector, flow, "f", lang);
/** The text of the issue list a control points to with aria-describedby. */
const describedText = (el: HTMLElement) =>
  (el.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");

describe("FollowUpInspector: deadline and clock", () => {
  it("sets the deadline in minutes, hours or days; zero shows the engine's error beside the number", () => {
    const h = setup(flowWith());
    const box = screen.getByLabelText("First contact within");
    fireEvent.change(box, { target: { value: "5" } });
    expect(h.config().within).toEqual({ minutes: 5 });
    fireEvent.change(screen.getByLabelText("Unit of “First contact within”"), { target: { value: "hours" } });
    expect(h.config().within).toEqual({ hours: 5 });
    fireEvent.change(box, { target: { value: "0" } });
    expect(h.config().within).toEqual({ hours: 0 });
    expect(describedText(screen.getByLabelText("First contact within"))).toMatch(/first-contact deadline must be longer than zero/);
    expect(box.getAttribute("aria-invalid")).toBe("true");
  });

  it("shows whose working hours count, their leave, the time zone and the holidays; the calendar clock hides them", () => {
    const h = setup(flowWith());
    expect(screen.getByText(/time zone Europe\/Berlin/)).toBeTruthy();
    const hours = screen.getByRole("list", { name: /Working hours this deadline counts/ });
    expect(hours.textContent).toMatch(/Ann: Mon–Fri 09:00–18:00/);
    expect(hours.textContent).toMatch(/Bo: no working hours set, every minute counts · 1 period\(s\) of leave/);
    expect(screen.getByText("Holidays (nobody works): 2026-12-25 Christmas Day, 2026-12-26")).toBeTruthy();
    fireEvent.click(screen.getByRole("radio", { name: "every minute (calendar)" }));
    expect(h.config().clock).toBe("calendar");
    expect(screen.queryByText(/Holidays \(nobody works\)/)).toBeNull();
    expect(screen.getByText("Nights and weekends count too; a day is 24 hours.")).toBeTruthy();
  });

  it("says so when no route comes before it, beside the engine's error at the top", () => {
    setup(flowWith({}, { route: false }));
    expect(screen.getByText("Connect a route before this step to see whose working hours count.")).toBeTruthy();
    expect(screen.getByRole("group", { name: "Problems of this node" }).textContent).toMatch(
      /A lead can reach this follow-up without an owner.*put a route's "assigned" port before it/,
    );
  });
});

describe("FollowUpInspector: a worked example of the deadline", () => {
  const example = (config: Partial<FollowUpConfig>, holidays: string[] = []) => {
    const flow = flowWith(config);
    setup({ ...flow, settings: { timezone: "Europe/Berlin", referenceTime: "2026-12-14T08:00:00Z", holidays } });
    return screen.getByTestId("deadline-example").textContent;
  };

  it("counts working minutes over the weekend, and every minute on the calendar clock", () => {
    expect(example({ within: { minutes: 15 } })).toBe(
      "Example: assigned to Ann Fri 18 Dec, 17:50 → first contact due by Mon 21 Dec, 09:05.",
    );
    cleanup();
    expect(example({ within: { minutes: 15 }, clock: "calendar" })).toMatch(/Fri 18 Dec, 17:50 → first contact due by Fri 18 Dec, 18:05/);
  });

  it("skips holidays: a Friday holiday moves the example a week on, and a Monday holiday moves the deadline", () => {
    expect(example({ within: { hours: 1 } }, ["2026-12-18", "2026-12-28"])).toBe(
      "Example: assigned to Ann Fri 25 Dec, 17:50 → first contact due by Tue 29 Dec, 09:50.",
    );
  });
});

describe("FollowUpInspector: reminders", () => {
  it("adds a reminder at two thirds of the deadline, sends it to the manager, and edits its text with chips and a preview", () => {
    const h = setup(flowWith({ within: { minutes: 15 }, remind: [] }));
    expect(screen.getByText("No reminders.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "+ Reminder" }));
    expect(h.config().remind).toEqual([{ after: { minutes: 10 }, channel: "email", to: "owner" }]);

    const card = screen.getByRole("group", { name: "Reminder 1" });
    fireEvent.change(inside(card).getByLabelText("Send after"), { target: { value: "12" } });
    expect(h.config().remind?.[0]?.after).toEqual({ minutes: 12 });

    fireEvent.click(inside(card).getByRole("radio", { name: "Someone else (e.g. the manager)" }));
    fireEvent.change(inside(card).getByLabelText("Email address"), { target: { value: "manager@example.com" } });
    expect(h.config().remind?.[0]?.to).toBe("manager@example.com");

    // The standard text is shown until changed; a chip inserts a lead variable and the preview renders a sample lead.
    const body = inside(card).getByLabelText("Message") as HTMLTextAreaElement;
    expect(body.value).toBe("{{lead.id}} is still waiting for your first contact.");
    expect(inside(card).getByText(/standard text/)).toBeTruthy();
    fireEvent.change(body, { target: { value: "Call " } });
    fireEvent.click(inside(card).getByRole("button", { name: "Insert Lead Country ({{lead.country}})" }));
    expect(h.config().remind?.[0]?.template).toBe("Call {{lead.country}}");
    expect(inside(card).getByTestId("template-preview").textContent).toMatch(/Call ‹Country›/);
  });

  it("warns in words when a reminder would come after the deadline, and deletes a reminder", () => {
    const h = setup(flowWith({ within: { minutes: 15 }, remind: [{ after: { minutes: 20 } }, { after: { minutes: 5 } }] }));
    const first = screen.getByRole("group", { name: "Reminder 1" });
    expect(describedText(inside(first).getByLabelText("Send after"))).toMatch(/Reminder 1 is due at or after the deadline/);
    fireEvent.click(screen.getByRole("button", { name: "Delete Reminder 1" }));
    expect(h.config().remind).toEqual([{ after: { minutes: 5 } }]);
    expect(screen.queryByText(/due at or after the deadline/)).toBeNull();
  });
});

describe("FollowUpInspector: cadence", () => {
  it("adds steps on days 1, 3 and 7, reorders and deletes them", () => {
    const h = setup(flowWith());
    for (let i = 0; i < 3; i++) fireEvent.click(screen.getByRole("button", { name: "+ Step" }));
    expect(h.config().cadence).toEqual([{ after: { days: 1 } }, { after: { days: 3 } }, { after: { days: 7 } }]);
    fireEvent.click(screen.getByRole("button", { name: "Move Step 3 up" }));
    expect(h.config().cadence?.map((s) => s.after.days)).toEqual([1, 7, 3]);
    fireEvent.click(screen.getByRole("button", { name: "Delete Step 1" }));
    expect(h.config().cadence?.map((s) => s.after.days)).toEqual([7, 3]);
    const step = screen.getByRole("group", { name: "Step 1" });
    expect((inside(step).getByLabelText("After the first contact") as HTMLInputElement).value).toBe("7");
  });

  it("gives a step its own message on request", () => {
    const h = setup(flowWith({ cadence: [{ after: { days: 1 } }] }));
    fireEvent.click(screen.getByRole("button", { name: "Message of step 1…" }));
    const step = screen.getByRole("group", { name: "Step 1" });
    fireEvent.change(inside(step).getByLabelText("Channel"), { target: { value: "sms" } });
    expect(inside(step).queryByLabelText("Subject")).toBeNull();
    fireEvent.change(inside(step).getByLabelText("Message"), { target: { value: "Call {{lead.id}} again" } });
    expect(h.config().cadence?.[0]).toEqual({ after: { days: 1 }, channel: "sms", template: "Call {{lead.id}} again" });
  });

  it("stops at 20 steps with a clear message; a document with 21 shows the engine's error", () => {
    const steps = (n: number) => Array.from({ length: n }, (_, i) => ({ after: { days: i + 1 } }));
    const h = setup(flowWith({ cadence: steps(19) }));
    const add = screen.getByRole("button", { name: "+ Step" });
    fireEvent.click(add);
    expect(h.config().cadence).toHaveLength(20);
    expect((add as HTMLButtonElement).disabled).toBe(true);
    expect(describedText(add)).toBe("A cadence has at most 20 steps.");
    cleanup();
    setup(flowWith({ cadence: steps(21) }));
    expect(screen.getByText("The follow-up cadence has 21 steps; at most 20 are allowed.")).toBeTruthy();
  });
});

describe("FollowUpInspector: what happens next", () => {
  it("names where a missed deadline goes, and what an unconnected rejection does", () => {
    const flow = flowWith(
      {},
      {
        nodes: [
          { id: "r2", type: "route", label: "Reassign", config: { team: "emea", strategy: "round_robin", exclude: "previous_owners" } },
          { id: "n", type: "notify", label: "Tell the manager", config: { channel: "email", to: "m@example.com", template: "" } },
        ],
        edges: [
          { id: "e3", source: "f", sourcePort: "breached", target: "r2" },
          { id: "e4", source: "f", sourcePort: "breached", target: "n" },
        ],
      },
    );
    setup(flow);
    const outcomes = (port: string) => document.querySelector(`[data-port="${port}"]`)?.textContent ?? "";
    expect(outcomes("breached")).toMatch(/Deadline missed.*Goes to: Reassign, Tell the manager\./);
    expect(outcomes("met")).toMatch(/Not connected: the lead stays with its owner\./);
    expect(outcomes("rejected")).toMatch(/Not connected: handled like a missed deadline\./);
  });
});

describe("FollowUpInspector in Chinese and the card summary", () => {
  it("speaks Chinese, errors included", () => {
    setup(flowWith({ within: { minutes: 0 }, remind: [] }), "zh-CN");
    const box = screen.getByLabelText("首次联系时限");
    expect(describedText(box)).toMatch(/首次联系期限必须大于零/);
    expect(screen.getByRole("button", { name: "+ 提醒" })).toBeTruthy();
    expect(screen.getByText("节假日（无人上班）：2026-12-25 Christmas Day、2026-12-26")).toBeTruthy();
    expect(screen.getByText("超过期限")).toBeTruthy();
  });

  it("sums the node up on its card in words", () => {
    const node = flowWith({
      within: { minutes: 15 },
      remind: [{ after: { minutes: 5 } }, { after: { minutes: 10 } }],
      cadence: [{ after: { days: 1 } }, { after: { days: 3 } }, { after: { days: 7 } }],
    }).nodes.find((n) => n.id === "f");
    if (node?.type !== "follow_up") throw new Error("no follow-up");
    const ctx = (lang: Lang) => ({
      t: () => "",
      te: (code: string, params?: MessageParams) => translate(code, params ?? {}, lang),
      lang,
      teams: [],
      fieldLabels: new Map<string, string>(),
    });
    expect(followUpUi.summary(node, ctx("en"))).toBe("First contact within 15 min · 2 reminders · 3 cadence steps");
    expect(followUpUi.summary(node, ctx("zh-CN"))).toBe("15 分钟内首次联系 · 2 条提醒 · 3 步回访");
    const single = { ...node, config: { within: { hours: 1 }, remind: [{ after: { minutes: 30 } }], cadence: [] } };
    expect(followUpUi.summary(single, ctx("en"))).toBe("First contact within 1 h · 1 reminder");
  });
});
