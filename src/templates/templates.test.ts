import { describe, expect, it } from "vitest";
import { compileFlow, safeLoadFlow, validateFlow, type Flow, type Outcome, type RunOptions } from "../engine";
import { TEMPLATES, templateById, type Template } from ".";

function runWith(template: Template, events: RunOptions["events"], now: string): Outcome[] {
  return compileFlow(template.flow).run(template.leads, { now, events }).outcomes;
}

function run(template: Template, flow: Flow = template.flow): Outcome[] {
  return compileFlow(flow).run(template.leads, { now: "2026-03-02T00:00:00Z" }).outcomes;
}

function get(id: string): Template {
  const template = templateById(id);
  if (!template) throw new Error(`no template ${id}`);
  return template;
}

const byLead = (outcomes: Outcome[]) => new Map(outcomes.map((o) => [o.id, o]));
const notifiedTo = (o: Outcome | undefined) => (o?.notifications ?? []).flatMap((n) => n.to);

describe("the template list", () => {
  it("has the nine strategies, each named and explained in English and Chinese", () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([
      "round-robin",
      "weighted",
      "territory",
      "skill-match",
      "value-tiers",
      "daily-caps",
      "hot-lead-alert",
      "speed-to-lead",
      "follow-up-cadence",
    ]);
    for (const t of TEMPLATES) {
      expect(t.name.en.length).toBeGreaterThan(3);
      expect(t.name["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      expect(t.description.en.length).toBeGreaterThan(200);
      expect(t.description["zh-CN"].match(/[\u4e00-\u9fff]/g)?.length ?? 0).toBeGreaterThan(80);
      expect(t.flow.description).toBe(t.description.en);
      expect(t.flowFor("zh-CN").description).toBe(t.description["zh-CN"]);
    }
  });
});

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("template %s", (_id, template) => {
  it("is a valid document in both languages with no validation issue at all", () => {
    for (const lang of ["en", "zh-CN"] as const) {
      const flow = template.flowFor(lang);
      const loaded = safeLoadFlow(JSON.parse(JSON.stringify(flow)));
      expect(loaded.ok ? [] : loaded.problems).toEqual([]);
      expect(validateFlow(flow, { lang }).map((i) => `${i.severity} ${i.nodeId ?? ""} ${i.message}`)).toEqual([]);
    }
  });

  it("runs its sample leads clean: every lead assigned, none in error", () => {
    const outcomes = run(template);
    expect(outcomes).toHaveLength(template.leads.length);
    expect(outcomes.filter((o) => o.status !== "assigned").map((o) => `${o.id}: ${o.status} ${o.error ?? ""}`)).toEqual([]);
    expect(outcomes.every((o) => !o.warnings?.length)).toBe(true);
  });

  it("routes the same in Chinese as in English", () => {
    const strip = (os: Outcome[]) =>
      os.map(({ id, status, owner, team, path, score, grade }) => ({ id, status, owner, team, path, score, grade }));
    expect(strip(run(template, template.flowFor("zh-CN")))).toEqual(strip(run(template)));
  });

  it("is laid out left to right: every node placed, none on another, every edge pointing right", () => {
    const nodes = new Map(template.flow.nodes.map((n) => [n.id, n.position]));
    const spots = [...nodes.values()].map((p) => `${p?.x},${p?.y}`);
    expect(spots.every((s) => s !== "undefined,undefined")).toBe(true);
    expect(new Set(spots).size).toBe(spots.length);
    for (const e of template.flow.edges) expect(nodes.get(e.source)?.x ?? 0, e.id).toBeLessThan(nodes.get(e.target)?.x ?? 0);
  });

  it("has sample leads with unique ids and a createdAt each", () => {
    expect(new Set(template.leads.map((l) => l.id)).size).toBe(template.leads.length);
    expect(template.leads.every((l) => typeof l.createdAt === "string" && !Number.isNaN(Date.parse(l.createdAt)))).toBe(true);
  });
});

describe("each template does what it says", () => {
  it("round robin: active reps in roster order, the inactive rep skipped", () => {
    expect(run(get("round-robin")).map((o) => o.owner)).toEqual(["ann", "bob", "chen", "ann", "bob", "chen", "ann"]);
  });

  it("weighted: shares follow the conversion rates 3 : 2 : 1, interleaved", () => {
    const owners = run(get("weighted")).map((o) => o.owner);
    expect(owners.slice(0, 6)).toEqual(["ana", "ben", "ana", "cai", "ben", "ana"]);
    const count = (id: string) => owners.filter((o) => o === id).length;
    expect([count("ana"), count("ben"), count("cai")]).toEqual([6, 4, 2]);
  });

  it("territory: a DE lead goes to the DACH rep; unknown or missing countries to the rest of the world", () => {
    const o = byLead(run(get("territory")));
    expect(o.get("tr-1")?.owner).toBe("dana");
    expect(["tr-3", "tr-7"].map((id) => o.get(id)?.owner)).toEqual(["dana", "dana"]);
    expect(o.get("tr-2")?.owner).toBe("felix");
    expect(o.get("tr-5")?.owner).toBe("sven"); // "se": case does not matter
    expect(["tr-6", "tr-8", "tr-9"].map((id) => o.get(id)?.team)).toEqual(["rest-of-world", "rest-of-world", "rest-of-world"]);
  });

  it("skill match: each lead goes to the least busy specialist with the product, the rest to generalists", () => {
    const template = get("skill-match");
    const o = byLead(run(template));
    const specialists = template.flow.teams.find((t) => t.id === "specialists")?.members ?? [];
    for (const lead of template.leads) {
      const outcome = o.get(String(lead.id));
      if (lead.product === null) {
        expect(outcome?.team).toBe("generalists");
        continue;
      }
      const skills = specialists.find((m) => m.id === outcome?.owner)?.attributes?.skills;
      expect(skills, String(lead.id)).toContain(lead.product);
    }
    expect(o.get("sk-1")?.owner).toBe("chloe"); // crm: Chloe has 1 open lead, Amir 5
    expect(o.get("sk-3")?.owner).toBe("dev"); // analytics: Dev has 3, Amir 5
  });

  it("value tiers: A grades go to senior reps, B and C to the pool", () => {
    const outcomes = run(get("value-tiers"));
    expect(outcomes.map((o) => o.grade)).toEqual(["A", "C", "B", "A", "C", "A", "B", "C"]);
    expect(outcomes.map((o) => o.score)).toEqual([80, 25, 46, 65, -4, 60, 39, 20]);
    for (const o of outcomes) expect(o.team, o.id).toBe(o.grade === "A" ? "seniors" : "pool");
  });

  it("daily caps: 2 a day per rep, then the fallback queue and a note to the manager; the next day starts again", () => {
    const o = byLead(run(get("daily-caps")));
    const owners = Array.from({ length: 10 }, (_, i) => o.get(`cap-${i + 1}`)?.owner);
    expect(owners).toEqual(["lin", "mei", "ning", "lin", "mei", "ning", "sales-queue", "sales-queue", "lin", "mei"]);
    for (const id of ["cap-7", "cap-8"]) {
      expect(o.get(id)?.path).toEqual(["new-lead", "in-turn", "queue", "tell-manager"]);
      expect(notifiedTo(o.get(id))).toEqual(["manager@example.com"]);
    }
    for (const id of ["cap-1", "cap-6", "cap-9"]) expect(notifiedTo(o.get(id))).not.toContain("manager@example.com");
  });

  it("hot lead alert: the manager is told at once for A grades only; every lead still gets a rep", () => {
    const outcomes = run(get("hot-lead-alert"));
    expect(outcomes.map((o) => o.grade)).toEqual(["A", "C", "B", "A", "A", "C"]);
    for (const o of outcomes) {
      expect(notifiedTo(o).includes("manager@example.com"), o.id).toBe(o.grade === "A");
      expect(o.owner).toBeTruthy();
    }
    const hot = outcomes[0];
    expect(hot?.path.indexOf("alert-manager")).toBeLessThan(hot?.path.indexOf("in-turn") ?? -1);
    expect(hot?.notifications[0]?.subject).toBe("Hot lead: Apex Airlines (score 92)");
  });

  it("speed to lead: a call in 5 minutes keeps the lead; a miss or a refusal reassigns it once, to someone new, and tells the manager", () => {
    const o = byLead(
      runWith(
        get("speed-to-lead"),
        [
          { id: "call-1", lead: "sl-1", type: "touched", at: "2026-02-27T09:05:00Z", by: "ann" },
          { id: "no-3", lead: "sl-3", type: "rejected", at: "2026-02-27T09:15:00Z", by: "chen", reason: "not my territory" },
        ],
        "2026-03-02T00:00:00Z",
      ),
    );
    const owners = (id: string) => o.get(id)?.owners ?? [];
    expect(owners("sl-1").map((x) => x.owner)).toEqual(["ann"]);
    expect(o.get("sl-1")?.responseMinutes).toBe(5);
    expect(o.get("sl-1")?.notifications.map((n) => n.subject)).toEqual([
      "Call now: Aster Analytics",
      "Still waiting for your call: Aster Analytics",
    ]);
    const missed = o.get("sl-2");
    expect(missed?.owners).toEqual([
      { owner: "bob", at: "2026-02-27T09:07:00.000Z", why: "assigned" },
      { owner: "ann", at: "2026-02-27T09:12:00.000Z", why: "breached" },
    ]);
    expect(missed?.notifications.map((n) => `${n.to} ${n.subject}`)).toEqual([
      "bob@example.com Call now: Bloom Bakery",
      "bob@example.com Still waiting for your call: Bloom Bakery",
      "manager@example.com Reassigned: Bloom Bakery",
    ]);
    expect(owners("sl-3").map((x) => `${x.owner} ${x.why}`)).toEqual(["chen assigned", "bob rejected"]);
    expect(notifiedTo(o.get("sl-3"))).toContain("manager@example.com");
    // Reassigned once: the new owner has no deadline, whoever it is.
    for (const id of o.keys()) expect(owners(id).length).toBeLessThanOrEqual(2);
    for (const id of o.keys()) expect(new Set(owners(id).map((x) => x.owner)).size).toBe(owners(id).length);
  });

  it("follow-up cadence: tasks on working days 1, 3 and 7 after the first contact, stopped by a conversion", () => {
    const o = byLead(
      runWith(
        get("follow-up-cadence"),
        [
          { id: "t1", lead: "fc-1", type: "touched", at: "2026-02-25T11:00:00Z", by: "eli" },
          { id: "t2", lead: "fc-2", type: "touched", at: "2026-02-25T11:00:00Z" },
          { id: "c2", lead: "fc-2", type: "converted", at: "2026-03-02T12:00:00Z" },
        ],
        "2026-03-31T00:00:00Z",
      ),
    );
    const tasks = (id: string) => (o.get(id)?.timeline ?? []).filter((e) => e.kind === "task").map((e) => e.at.slice(0, 16));
    // Wednesday 11:00 + 1, 3 and 7 working days (Monday to Friday): Thursday, the next Monday, the next Friday.
    expect(tasks("fc-1")).toEqual(["2026-02-26T11:00", "2026-03-02T11:00", "2026-03-06T11:00"]);
    expect(
      o
        .get("fc-1")
        ?.notifications.map((n) => n.subject)
        .slice(1),
    ).toEqual(["Day 1 follow-up: Alder Architects", "Day 3 follow-up: Alder Architects", "Day 7 follow-up: Alder Architects"]);
    expect(tasks("fc-2")).toEqual(["2026-02-26T11:00", "2026-03-02T11:00"]);
    expect(o.get("fc-2")?.convertedAt).toBe("2026-03-02T12:00:00.000Z");
    // Nobody contacted within a working day: the manager hears of it.
    expect(notifiedTo(o.get("fc-3"))).toEqual(["fay@example.com", "manager@example.com"]);
  });
});
