import { describe, expect, it } from "vitest";
import { compileFlow, type Flow, makeClock } from "../engine";
import { normaliseLeads } from "../engine/leads";
import { makeFlow, team, trigger } from "../../test/helpers/flow";
import { generateLeads } from "./generate";
import { COUNTRIES, JOB_TITLES } from "./vocabulary";

const END = "2026-03-02T12:00:00Z";

function flowOf(extra: Partial<Flow> = {}): Flow {
  return {
    ...makeFlow({
      fields: [
        { key: "country", label: "Country", type: "string" },
        { key: "employees", label: "Employees", type: "number" },
        { key: "pageViews", label: "Page views", type: "number" },
        { key: "title", label: "Job title", type: "string" },
        { key: "email", label: "Email", type: "string" },
        { key: "company", label: "Company", type: "string" },
        { key: "industry", label: "Industry", type: "enum", options: ["software", "retail", "finance"] },
        { key: "newsletter", label: "Newsletter", type: "boolean" },
        { key: "lastVisit", label: "Last visit", type: "date" },
        { key: "products", label: "Products", type: "list" },
      ],
      teams: [
        team("t1", [
          { id: "ann", email: "ann@example.com", attributes: { regions: ["EMEA"] } },
          { id: "bo", email: "bo@example.com", attributes: { regions: ["APAC"] } },
        ]),
      ],
      nodes: [trigger("t", { sources: ["web", "event"] }), { id: "r", type: "route", config: { team: "t1", strategy: "round_robin" } }],
      wires: [["t", "r"]],
      settings: { timezone: "America/New_York", seed: 7 },
    }),
    ...extra,
  };
}

describe("generateLeads", () => {
  it("gives the same leads for the same seed, and others for another seed", () => {
    const flow = flowOf();
    expect(generateLeads(flow, 200, { end: END })).toEqual(generateLeads(flow, 200, { end: END }));
    expect(generateLeads(flow, 200, { end: END, seed: 8 })).not.toEqual(generateLeads(flow, 200, { end: END }));
    expect(generateLeads(flow, 0, { end: END })).toEqual([]);
  });

  it("numbers leads gen-1… in createdAt order, over the working days and hours before the end, in the flow's time zone", () => {
    const leads = generateLeads(flowOf(), 2000, { end: END, workingDays: 5 });
    expect(leads.map((l) => l.id).slice(0, 3)).toEqual(["gen-1", "gen-2", "gen-3"]);
    const times = leads.map((l) => Date.parse(String(l.createdAt)));
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] as number))).toBe(true);
    expect(Math.max(...times)).toBeLessThan(Date.parse("2026-03-02T05:00:00Z")); // before Monday 2 March in New York
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse("2026-02-21T05:00:00Z")); // the 5 working days before, plus a weekend
    const clock = makeClock("America/New_York");
    const inHours = times.filter((t) => clock.withinHours(t, { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" })).length;
    expect(inHours / times.length).toBeGreaterThan(0.9);
    expect(inHours).toBeLessThan(times.length); // a few evenings and weekends, so working-hours rules meet them
  });

  it("fills each field with values of its type that import without a single warning", () => {
    const flow = flowOf();
    const leads = generateLeads(flow, 500, { end: END });
    const imported = normaliseLeads(leads, flow.fields, { referenceTime: END });
    expect(imported.warnings).toEqual([]);
    expect(imported.leads).toEqual(leads);
  });

  it("picks realistic values by field name: countries, skewed sizes and counts, titles, emails, sources", () => {
    const leads = generateLeads(flowOf(), 3000, { end: END });
    const values = (key: string) => leads.map((l) => l[key]).filter((v) => v !== null);
    const countries = values("country") as string[];
    expect(countries.every((c) => COUNTRIES.some(([code]) => code === c))).toBe(true);
    expect(countries.filter((c) => c === "US").length).toBeGreaterThan(countries.filter((c) => c === "SE").length * 5);
    const employees = (values("employees") as number[]).sort((a, b) => a - b);
    const mean = employees.reduce((a, b) => a + b, 0) / employees.length;
    expect(employees.every((e) => Number.isInteger(e) && e >= 1)).toBe(true);
    expect(mean).toBeGreaterThan((employees[employees.length >> 1] as number) * 1.5); // right-skewed
    const views = values("pageViews") as number[];
    expect(views.filter((v) => v === 0).length / views.length).toBeGreaterThan(0.15);
    expect(Math.max(...views)).toBeGreaterThan(20);
    expect((values("title") as string[]).every((t) => JOB_TITLES.some(([title]) => title === t))).toBe(true);
    const first = leads.find((l) => l.email !== null && l.company !== null);
    expect(first?.email).toMatch(/^[a-z]+\.[a-z]+@[a-z]+\.example$/);
    expect(new Set(values("industry"))).toEqual(new Set(["software", "retail", "finance"]));
    expect((values("products") as string[][]).every((p) => Array.isArray(p) && p.every((x) => typeof x === "string"))).toBe(true);
    // Mostly the trigger's sources, so the flow's trigger takes most leads, and some others it turns away.
    const sources = values("source") as string[];
    const accepted = sources.filter((s) => s === "web" || s === "event").length / sources.length;
    expect(accepted).toBeGreaterThan(0.75);
    expect(accepted).toBeLessThan(1);
  });

  it("uses the values the flow names: territory attributes of the reps and owner ids for a lead-owner route", () => {
    const base = flowOf();
    const flow: Flow = {
      ...base,
      fields: [
        ...base.fields,
        { key: "region", label: "Region", type: "string" },
        { key: "accountOwner", label: "Account owner", type: "string" },
      ],
      nodes: [
        trigger("t"),
        {
          id: "r",
          type: "route",
          config: { team: "t1", strategy: "round_robin", match: { leadField: "region", memberAttribute: "regions" } },
        },
        { id: "o", type: "route", config: { team: "t1", strategy: "lead_owner", ownerField: "accountOwner" } },
      ],
      edges: [
        { id: "e1", source: "t", target: "r" },
        { id: "e2", source: "r", sourcePort: "unassigned", target: "o" },
      ],
    };
    const leads = generateLeads(flow, 1000, { end: END });
    const regions = leads.map((l) => l.region);
    expect(regions.filter((r) => r === "EMEA" || r === "APAC").length).toBeGreaterThan(300);
    const owners = new Set(leads.map((l) => l.accountOwner));
    expect(owners).toEqual(new Set(["ann@example.com", "bo@example.com", null]));
    const { summary } = compileFlow(flow).run(leads);
    expect(summary.byStatus.assigned).toBeGreaterThan(800);
  });

  it("keeps each field's values when another field is added (one random stream per field)", () => {
    const flow = flowOf();
    const before = generateLeads(flow, 100, { end: END });
    const after = generateLeads({ ...flow, fields: [...flow.fields, { key: "budget", label: "Budget", type: "number" }] }, 100, {
      end: END,
    });
    expect(after.map((l) => [l.createdAt, l.country, l.employees])).toEqual(before.map((l) => [l.createdAt, l.country, l.employees]));
  });
});
