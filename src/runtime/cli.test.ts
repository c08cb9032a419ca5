import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url).pathname;
const XFLOW = join(ROOT, "test/fixtures/x-education.flow.json");
const XLEADS = join(ROOT, "../shared/data/x-education/leads.csv");
const tmp = mkdtempSync(join(tmpdir(), "leadwire-cli-"));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin/leadwire.mjs"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function write(name: string, content: unknown): string {
  const file = join(tmp, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

const flow = () => JSON.parse(readFileSync(XFLOW, "utf8"));

describe("leadwire validate", () => {
  it("exits 0 for a flow without errors and lists warnings", () => {
    const r = cli("validate", XFLOW);
    expect(r.code).toBe(0);
    expect(r.out).toContain("warning");
    expect(r.out).toContain("0 error(s), 1 warning(s)");
  });

  it("exits 1 and names the nodes of a cycle", () => {
    const f = flow();
    f.edges.push({ id: "back", source: "notify", sourcePort: "out", target: "score" });
    const r = cli("validate", write("cycle.json", f));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/loop.*"Engagement score" → "Grade A or B" → "Advisers, weighted" → "Tell the adviser" → "Engagement score"/);
  });

  it("exits 1 for a dangling edge or a wrong shape, naming node and JSON path", () => {
    const dangling = flow();
    dangling.edges.push({ id: "x", source: "hot", sourcePort: "pass", target: "ghost" });
    const r1 = cli("validate", write("dangling.json", dangling));
    expect(r1.code).toBe(1);
    expect(r1.out).toContain('$.edges[7].target: A connection leads to the node "ghost", which does not exist.');
    const shape = flow();
    shape.nodes[4].config.strategy = "alphabetical";
    const r2 = cli("validate", write("shape.json", shape));
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('$.nodes[4].config.strategy (node "route")');
    expect(r2.err).not.toMatch(/at .*\.js:\d+/);
  });

  it("exits 2 when the file cannot be read or is not JSON, without a stack trace", () => {
    const missing = cli("validate", join(tmp, "nope.json"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("Cannot read");
    const broken = cli("validate", write("broken.json", '{ "format": "leadwire.flow", '));
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/not valid JSON.*line 1/);
    expect(broken.err).not.toMatch(/\n\s+at /);
  });

  it("speaks 简体中文 with --lang zh-CN", () => {
    const f = flow();
    f.nodes = f.nodes.filter((n: { type: string }) => n.type !== "trigger");
    f.edges = f.edges.filter((e: { source: string }) => e.source !== "trigger");
    const r = cli("validate", write("zh.json", f), "--lang", "zh-CN");
    expect(r.code).toBe(1);
    expect(r.out).toContain("流程没有触发器");
  });
});

describe("leadwire run", () => {
  it("routes all 9,240 real X Education leads as they are, listing coercion warnings by row and column", () => {
    const out = join(tmp, "x.json");
    const r = cli("run", XFLOW, XLEADS, "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('9240 leads routed by "X Education inbound scoring"');
    expect(r.err).toMatch(/rows? \d+/);
    expect(r.err).toContain("9240 × ");
    const result = JSON.parse(readFileSync(out, "utf8"));
    expect(result.leads).toHaveLength(9240);
    expect(result.summary.leads).toBe(9240);
    expect(result.leads[0]).not.toHaveProperty("trace");
    expect(result.leads[0].id).toBe("7927b2df-8bba-4d29-b9a2-b6e0beafe620");
    expect(result.state.format).toBe("leadwire.state");
    const statuses = result.summary.byStatus;
    expect(statuses.assigned + statuses.filtered + statuses.unassigned + statuses.no_trigger + statuses.error).toBe(9240);
    expect(statuses.error).toBe(0);
    expect(statuses.filtered).toBe(734);
  });

  it("carries state between runs: two halves equal one run", () => {
    const leads = Array.from({ length: 40 }, (_, i) => ({
      id: `L${i}`,
      createdAt: new Date(Date.UTC(2026, 2, 2, 9, i)).toISOString(),
      occupation: i % 3 ? "Working Professional" : "Student",
      timeOnSite: i * 50,
    }));
    const whole = join(tmp, "whole.json");
    expect(cli("run", XFLOW, write("all.json", leads), "--out", whole).code).toBe(0);
    const firstOut = join(tmp, "first.json");
    expect(cli("run", XFLOW, write("a.json", leads.slice(0, 17)), "--out", firstOut).code).toBe(0);
    const first = JSON.parse(readFileSync(firstOut, "utf8"));
    const stateFile = write("state.json", first.state);
    const secondOut = join(tmp, "second.json");
    expect(cli("run", XFLOW, write("b.json", { leads: leads.slice(17) }), "--state", stateFile, "--out", secondOut).code).toBe(0);
    const second = JSON.parse(readFileSync(secondOut, "utf8"));
    const all = JSON.parse(readFileSync(whole, "utf8"));
    expect([...first.leads, ...second.leads]).toEqual(all.leads);
    expect(second.state).toEqual(all.state);
  });

  it("writes traces only with --trace", () => {
    const out = join(tmp, "traced.json");
    const r = cli(
      "run",
      XFLOW,
      write("one.json", [{ id: "x", createdAt: "2026-03-02T10:00:00Z", occupation: "Working Professional", timeOnSite: 2000 }]),
      "--out",
      out,
      "--trace",
    );
    expect(r.code).toBe(0);
    const lead = JSON.parse(readFileSync(out, "utf8")).leads[0];
    expect(lead.trace.map((t: { text: string }) => t.text)).toContain("Assigned to Asha, weighted round robin");
  });

  it("reports a broken CSV per row and keeps every row", () => {
    const csv = '\uFEFFProspect ID,TotalVisits,Last Activity\r\nA1,3,"Email\r\nOpened"\r\nA2,lots\r\nA3,2,SMS Sent,extra\r\n';
    const out = join(tmp, "broken.json");
    const r = cli("run", XFLOW, write("broken.csv", csv), "--out", out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/lots/);
    expect(r.err).toMatch(/row/i);
    expect(JSON.parse(readFileSync(out, "utf8")).leads.map((l: { id: string }) => l.id)).toEqual(["A1", "A2", "A3"]);
  });

  it("refuses to run a flow with errors (exit 1) and an unreadable leads file (exit 2)", () => {
    const f = flow();
    f.nodes[4].config.team = "nobody";
    expect(cli("run", write("bad-team.json", f), write("none.json", [])).code).toBe(1);
    expect(cli("run", XFLOW, join(tmp, "missing.csv")).code).toBe(2);
  });
});

describe("the leadwire package", () => {
  it("imports by its own name from the project root and gives what the CLI writes", () => {
    const leads = [
      { id: "p1", createdAt: "2026-03-02T10:00:00Z", occupation: "Working Professional", timeOnSite: 900 },
      { id: "p2", createdAt: "2026-03-02T10:05:00Z" },
    ];
    const leadsFile = write("pkg.json", leads);
    const script = `
      import { readFileSync } from "node:fs";
      import { loadFlow, validateFlow, compileFlow } from "leadwire";
      const flow = loadFlow(readFileSync(${JSON.stringify(XFLOW)}, "utf8"));
      const issues = validateFlow(flow);
      const result = compileFlow(flow).run(JSON.parse(readFileSync(${JSON.stringify(leadsFile)}, "utf8")), { now: "2026-03-02T10:00:00Z" });
      console.log(JSON.stringify({ issues: issues.length, result }));`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    const lib = JSON.parse(r.stdout);
    const out = join(tmp, "pkg-out.json");
    expect(cli("run", XFLOW, leadsFile, "--out", out, "--now", "2026-03-02T10:00:00Z").code).toBe(0);
    const fromCli = JSON.parse(readFileSync(out, "utf8"));
    expect(lib.issues).toBe(1);
    expect(lib.result.outcomes).toEqual(fromCli.leads);
    expect(lib.result.summary).toEqual(fromCli.summary);
    expect(lib.result.state).toEqual(fromCli.state);
  });
});

describe("leadwire run --events", () => {
  const fixture = JSON.parse(readFileSync(join(ROOT, "test/conformance/follow-up-breach-reassign.json"), "utf8"));

  it("applies an events CSV up to --now, warns per row, and writes outcomes, warnings and state", () => {
    const flowFile = write("speed.json", fixture.flow);
    const leads = write("speed-leads.json", fixture.leads);
    const events = write(
      "events.csv",
      "id,lead,type,at,by,reason,value\nev1,L2,rejected,2026-12-07T09:05:00Z,bob,not my territory,\nev2,L1,called,2026-12-07T09:06:00Z,ann,,\nev3,NOPE,touched,2026-12-07T09:07:00Z,,,\nev4,L2,touched,2026-12-08T09:00:00Z,cy,,\n",
    );
    const out = join(tmp, "speed-out.json");
    const r = cli("run", flowFile, leads, "--events", events, "--now", "2026-12-07T12:00:00Z", "--out", out);
    expect(r.code).toBe(0);
    expect(r.err).toContain('Row 2: "called" is not an event type');
    expect(r.err).toContain("Event ev3: the lead NOPE is not one this flow follows");
    expect(r.err).toContain("Not yet due (after 2026-12-07T12:00:00.000Z): 0 leads and 1 events");
    expect(r.out).toMatch(/Follow-up\s+Contacted.*\n.*\nAll owners\s+0\s+—\s+—\s+0\s+1\s+1\s+0\s+2/);
    const written = JSON.parse(readFileSync(out, "utf8"));
    expect(written.leads.map((o: { id: string; owner: string }) => [o.id, o.owner])).toEqual([
      ["L1", "bob"],
      ["L2", "cy"],
    ]);
    expect(written.summary.followUp).toMatchObject({ breached: 1, rejected: 1, rejectionReasons: { "not my territory": 1 } });
    expect(written.notDue).toEqual({ leads: [], events: ["ev4"] });
    // The next run carries the state: the late touch by Cy is applied, nothing is entered twice.
    const state = write("speed-state.json", written.state);
    const out2 = join(tmp, "speed-out2.json");
    const r2 = cli(
      "run",
      flowFile,
      write("none.json", []),
      "--events",
      events,
      "--state",
      state,
      "--now",
      "2026-12-09T00:00:00Z",
      "--out",
      out2,
      "--lang",
      "zh-CN",
    );
    expect(r2.code).toBe(0);
    const second = JSON.parse(readFileSync(out2, "utf8"));
    expect(second.leads).toMatchObject([{ id: "L2", owner: "cy", touchedAt: "2026-12-08T09:00:00.000Z" }]);
    expect(r2.err).toContain("第 2 行：“called”不是事件类型");
  });
});

describe("leadwire run --events on a flow without a follow-up step", () => {
  const fixture = JSON.parse(readFileSync(join(ROOT, "test/conformance/events-plain-flow.json"), "utf8"));

  it("follows the leads from the first run given events: a close in a later run releases the load for the next lead", () => {
    const flowFile = write("plain.json", fixture.flow);
    const none = write("plain-none.csv", "id,lead,type,at,by,reason,value\n");
    const out1 = join(tmp, "plain-out1.json");
    const first = fixture.leads.slice(0, 2);
    const r1 = cli("run", flowFile, write("plain-l1.json", first), "--events", none, "--now", "2026-12-07T09:05:00Z", "--out", out1);
    expect(r1.code).toBe(0);
    const one = JSON.parse(readFileSync(out1, "utf8"));
    expect(one.leads.map((o: { id: string; owner: string }) => [o.id, o.owner])).toEqual([
      ["L1", "bob"],
      ["L2", "ann"],
    ]);
    expect(Object.keys(one.state.leads)).toEqual(["L1", "L2"]);
    const closes = write("plain-close.csv", "id,lead,type,at,by,reason,value\nx2,L2,closed,2026-12-07T09:10:00Z,ann,,\n");
    const out2 = join(tmp, "plain-out2.json");
    const args = ["--events", closes, "--state", write("plain-state.json", one.state), "--now", "2026-12-07T12:00:00Z", "--out", out2];
    const r2 = cli("run", flowFile, write("plain-l2.json", fixture.leads.slice(2)), ...args);
    expect(r2.code).toBe(0);
    const two = JSON.parse(readFileSync(out2, "utf8"));
    // The run's own lead first, then the earlier lead the close changed.
    expect(two.leads).toMatchObject([
      { id: "L3", owner: "ann" },
      { id: "L2", owner: "ann", closedAt: "2026-12-07T09:10:00.000Z" },
    ]);
    expect(r2.out).toMatch(/Follow-up\s+Contacted/);
  });
});

describe("leadwire run --date-order", () => {
  // Leads created after 1 April pass the filter: 02/05/2026 is 2 May day-first, 5 February month-first.
  const dated = () => ({
    format: "leadwire.flow",
    version: 2,
    id: "dated",
    name: "Dated",
    fields: [],
    teams: [{ id: "t", name: "T", members: [{ id: "ann", name: "Ann" }] }],
    nodes: [
      { id: "in", type: "trigger", config: { sources: [] } },
      {
        id: "late",
        type: "filter",
        config: { conditions: { op: "all", rules: [{ field: "createdAt", operator: "gt", value: "2026-04-01" }] } },
      },
      { id: "r", type: "route", config: { team: "t", strategy: "round_robin" } },
    ],
    edges: [
      { id: "e1", source: "in", sourcePort: "out", target: "late" },
      { id: "e2", source: "late", sourcePort: "pass", target: "r" },
    ],
  });
  const csv = "id,createdAt\nk1,02/05/2026 09:30\nk2,01-03-2026\n";

  it("reads day-first or month-first created times as told, and asks when told nothing", () => {
    const f = write("dated.flow.json", dated());
    const leads = write("dated.csv", csv);
    const statuses = (order: string) => {
      const out = join(tmp, `dated-${order}.json`);
      const r = cli("run", f, leads, "--out", out, "--date-order", order, "--now", "2026-06-01T00:00:00Z");
      expect(r.err).not.toContain("could be day/month");
      expect(r.code).toBe(0);
      return (JSON.parse(readFileSync(out, "utf8")) as { leads: { status: string }[] }).leads.map((o) => o.status);
    };
    expect(statuses("dmy")).toEqual(["assigned", "filtered"]);
    expect(statuses("mdy")).toEqual(["filtered", "filtered"]);
    const asked = cli("run", f, leads, "--now", "2026-06-01T00:00:00Z");
    expect(asked.out + asked.err).toContain("could be day/month or month/day");
    const bad = cli("run", f, leads, "--date-order", "ymd");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--date-order takes dmy");
  });
});
