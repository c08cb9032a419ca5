// The POST /v1/leads body check: both shapes accepted, every problem listed with its place, limits enforced.
import { describe, expect, it } from "vitest";
import { parseLeadsBody } from "./validate-body";

describe("parseLeadsBody", () => {
  it("accepts one lead or { leads: [...] }", () => {
    expect(parseLeadsBody({ id: "a", country: "DE" })).toEqual({ ok: true, leads: [{ id: "a", country: "DE" }] });
    expect(parseLeadsBody({ leads: [{ id: "a" }, { id: "b", createdAt: "2026-03-02T10:00:00Z" }] })).toMatchObject({
      ok: true,
      leads: [{ id: "a" }, { id: "b" }],
    });
    expect(parseLeadsBody({ leads: [] })).toEqual({ ok: true, leads: [] });
  });

  it("treats an object with an id as a lead even when it has a field called leads", () => {
    expect(parseLeadsBody({ id: "a", leads: 3 })).toMatchObject({ ok: true, leads: [{ id: "a", leads: 3 }] });
  });

  it("lists every problem of a batch with its index", () => {
    const r = parseLeadsBody({
      leads: [{ id: "ok" }, { name: "no id" }, "text", { id: "  " }, { id: 7 }, { id: "t", createdAt: "yesterday-ish" }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.status).toBe(400);
    expect(r.problems.map((p) => p.path)).toEqual(["leads[1].id", "leads[2]", "leads[3].id", "leads[4].id", "leads[5].createdAt"]);
    expect(r.problems[0]?.message).toMatch(/^leads\[1\]\.id: .*non-empty string/);
    expect(r.problems[4]?.message).toContain('"yesterday-ish" is not a date');
  });

  it("names the field of a single lead without a prefix", () => {
    expect(parseLeadsBody({ country: "DE" })).toMatchObject({ ok: false, status: 400, problems: [{ path: "id" }] });
  });

  it("rejects bodies that are neither a lead nor a batch", () => {
    for (const body of [[{ id: "a" }], "a", 3, null, undefined]) {
      expect(parseLeadsBody(body)).toMatchObject({ ok: false, status: 400, problems: [{ code: "service.body_shape", path: "$" }] });
    }
    expect(parseLeadsBody({ leads: { id: "a" } })).toMatchObject({
      ok: false,
      problems: [{ code: "service.leads_not_list", path: "leads" }],
    });
  });

  it("answers 413 for more leads than a request may carry, and limits id length", () => {
    const leads = Array.from({ length: 1_001 }, (_, i) => ({ id: `L${i}` }));
    expect(parseLeadsBody({ leads })).toMatchObject({ ok: false, status: 413, problems: [{ code: "service.too_many_leads" }] });
    expect(parseLeadsBody({ id: "x".repeat(257) })).toMatchObject({ ok: false, problems: [{ code: "service.lead_id_long" }] });
  });

  it("speaks Chinese", () => {
    const r = parseLeadsBody({ leads: [{}] }, "zh-CN");
    expect(!r.ok && r.problems[0]?.message).toContain("每条线索都需要非空字符串");
  });
});
