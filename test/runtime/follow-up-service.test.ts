// Follow-up live on a real Redis: two services share one state; events by POST /v1/events, deadlines fire on their own, once.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileFlow, type Outcome } from "../../src/engine";
import { buildService, type Service } from "../../src/runtime/service/app";
import type { NotificationSender, OutgoingNotification } from "../../src/runtime/senders/types";
import { RedisStore } from "../../src/runtime/store/redis";
import { cappedRoundRobin, followUpFlow } from "./flows";
import { startRedis, type RedisServer } from "./redis-server";

let redis: RedisServer;
const services: Service[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
  await redis?.dispose();
});

class Recorder implements NotificationSender {
  readonly name = "recorder";
  readonly sent: OutgoingNotification[] = [];
  async send(message: OutgoingNotification): Promise<void> {
    this.sent.push(message);
  }
}

async function service(
  flow: ReturnType<typeof followUpFlow> | ReturnType<typeof cappedRoundRobin>,
  sender: NotificationSender,
  followLeads = false,
): Promise<Service> {
  const store = new RedisStore(redis.url);
  await store.connect();
  const compiled = compileFlow(flow);
  const s = await buildService({ flow: { id: flow.id, compiled }, store, sender, rateLimit: false, timerTickMs: 100, followLeads });
  services.push(s);
  return s;
}

const post = (s: Service, url: string, body: unknown) =>
  s.app.inject({ method: "POST", url, headers: { "content-type": "application/json" }, payload: JSON.stringify(body) });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("follow-up on Redis", () => {
  it("applies events once, refuses bad ones whole, and fires each reminder and breach once across two services", async () => {
    const flow = followUpFlow("fu_live", 0.04); // 2.4 s to the first call, a reminder at 1.2 s
    const [senderA, senderB] = [new Recorder(), new Recorder()];
    const a = await service(flow, senderA);
    const b = await service(flow, senderB);
    const now = Date.now();
    const leads = Array.from({ length: 6 }, (_, i) => ({ id: `L${i + 1}`, createdAt: new Date(now).toISOString() }));
    const routed = (await post(a, "/v1/leads", { leads })).json() as { outcomes: Outcome[] };
    expect(routed.outcomes.map((o) => [o.id, o.status, o.owner])).toEqual([
      ["L1", "waiting", "ann"],
      ["L2", "waiting", "bob"],
      ["L3", "waiting", "cy"],
      ["L4", "waiting", "ann"],
      ["L5", "waiting", "bob"],
      ["L6", "waiting", "cy"],
    ]);
    const at = new Date(now + 200).toISOString();
    const touch = (lead: string, by: string, id = `t-${lead}`) => ({ id, lead, type: "touched", at, by });

    // One bad event refuses the request: the good one in it is not applied either.
    const refused = await post(b, "/v1/events", {
      events: [touch("L1", "ann"), touch("nobody", "ann", "t-x"), touch("L2", "ann", "t-wrong")],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().problems.map((p: { path: string; code: string }) => [p.path, p.code])).toEqual([
      ["events[1]", "event.unknown_lead"],
      ["events[2]", "event.not_owner"],
    ]);
    // Malformed: listed with their places, nothing applied.
    const bad = await post(b, "/v1/events", {
      events: [
        { ...touch("L1", "ann"), at: "yesterday-ish" },
        touch("L2", "bob", "dup"),
        touch("L2", "bob", "dup"),
        { ...touch("L3", "cy", "late"), at: new Date(now + 3_600_000).toISOString() },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems.map((p: { path: string; code: string }) => [p.path, p.code])).toEqual([
      ["events[2]", "service.event_duplicate"],
      ["events[0]", "events.bad_time"],
      ["events[3]", "service.event_future"],
    ]);

    const ok = await post(b, "/v1/events", { events: [touch("L1", "ann"), touch("L2", "bob")] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ applied: ["t-L1", "t-L2"], duplicates: [] });
    const again = await post(a, "/v1/events", touch("L1", "ann"));
    expect(again.json()).toMatchObject({ applied: [], duplicates: ["t-L1"] });

    // Wait for the deadlines (2.4 s) and a little more: both services tick every 100 ms.
    for (let i = 0; i < 60; i++) {
      await sleep(100);
      const reassigned = [...senderA.sent, ...senderB.sent].length;
      if (Date.now() > now + 2_400 + 500 && reassigned >= 4) break;
    }
    const sent = [...senderA.sent, ...senderB.sent];
    const reminders = sent.filter((m) => m.notification.node === "f").map((m) => m.leadId);
    expect(reminders.sort()).toEqual(["L3", "L4", "L5", "L6"]);
    const state = (await a.app.inject({ method: "GET", url: "/v1/state" })).json() as {
      leads: Record<string, { owners: { owner: string; why: string }[]; timeline: { kind: string }[] }>;
    };
    for (const id of ["L1", "L2"]) expect(state.leads[id]!.timeline.map((e) => e.kind)).toEqual(["assigned", "touched", "met"]);
    for (const id of ["L3", "L4", "L5", "L6"]) {
      const lead = state.leads[id]!;
      expect(lead.timeline.map((e) => e.kind)).toEqual(["assigned", "reminded", "breached", "reassigned"]);
      expect(lead.owners.map((o) => o.why)).toEqual(["assigned", "breached"]);
      expect(lead.owners[1]!.owner).not.toBe(lead.owners[0]!.owner);
    }
    // One lead's story, from either service.
    const story = (await b.app.inject({ method: "GET", url: "/v1/leads/L3" })).json() as { status: string; timeline: { kind: string }[] };
    expect(story.status).toBe("assigned");
    expect(story.timeline.map((e) => e.kind)).toEqual(["assigned", "reminded", "breached", "reassigned"]);
    expect((await a.app.inject({ method: "GET", url: "/v1/leads/nope" })).statusCode).toBe(404);
    // Fired within a second of the deadline, by one of the two services.
    expect(Date.now() - (now + 2_400)).toBeLessThan(3_000);
  }, 30_000);

  it("refuses the events of a flow without a follow-up step, each named, and keeps routing its leads", async () => {
    const flow = { ...cappedRoundRobin(), id: "plain_events" };
    const s = await service(flow, new Recorder());
    const routed = await post(s, "/v1/leads", { leads: [{ id: "P1", createdAt: new Date().toISOString() }] });
    expect(routed.statusCode).toBe(200);
    const at = new Date().toISOString();
    const res = await post(s, "/v1/events", {
      events: [
        { id: "c1", lead: "P1", type: "closed", at },
        { id: "t1", lead: "P1", type: "touched", at },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().problems.map((p: { path: string; code: string; message: string }) => [p.path, p.code, p.message])).toEqual([
      [
        "events[0]",
        "event.no_follow_up",
        "Event c1: this flow has no follow-up step, so it does not follow leads after assignment; nothing changed.",
      ],
      [
        "events[1]",
        "event.no_follow_up",
        "Event t1: this flow has no follow-up step, so it does not follow leads after assignment; nothing changed.",
      ],
    ]);
    expect((await s.app.inject({ method: "GET", url: "/v1/state" })).json().leads).toBeUndefined();
  });

  it("with --follow-leads, applies a plain flow's events: a close frees the rep for the next lead, as the CLI does", async () => {
    const fixture = JSON.parse(readFileSync(new URL("../conformance/events-plain-flow.json", import.meta.url), "utf8"));
    const flow = { ...fixture.flow, id: "plain_followed" };
    const s = await service(flow, new Recorder(), true);
    const start = Date.now() - 60_000;
    const at = (ms: number) => new Date(start + ms).toISOString();
    const route = async (id: string, ms: number) =>
      ((await post(s, "/v1/leads", { id, createdAt: at(ms) })).json() as { outcomes: Outcome[] }).outcomes[0];
    expect(await route("L1", 0)).toMatchObject({ owner: "bob" });
    expect(await route("L2", 1_000)).toMatchObject({ owner: "ann" });
    const closed = await post(s, "/v1/events", { id: "x2", lead: "L2", type: "closed", at: at(2_000), by: "ann" });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ applied: ["x2"], leads: [{ id: "L2", closedAt: at(2_000) }] });
    expect(await route("L3", 3_000)).toMatchObject({ owner: "ann" });
    const story = (await s.app.inject({ method: "GET", url: "/v1/leads/L2" })).json() as { timeline: { kind: string }[] };
    expect(story.timeline.map((e) => e.kind)).toEqual(["assigned", "closed"]);
  });

  it("hands a committed notification over once, after a Redis restart, to whichever service reads the outbox", async () => {
    const flow = followUpFlow("fu_outbox", 60);
    const store = new RedisStore(redis.url);
    await store.connect();
    const message = (lead: string) => ({
      flowId: flow.id,
      leadId: lead,
      notification: { node: "f", channel: "email", to: ["ann@example.com"], subject: "s", body: `remind ${lead}` },
    });
    await store.transact(flow.id, [], (state) => ({ state, outcomes: new Map(), notify: [message("A"), message("B")] }));
    await store.close();
    await redis.kill();
    await redis.start();
    const [one, two] = [new Recorder(), new Recorder()];
    await service(flow, one);
    await service(flow, two);
    for (let i = 0; i < 50 && one.sent.length + two.sent.length < 2; i++) await sleep(100);
    await sleep(600);
    expect([...one.sent, ...two.sent].map((m) => m.leadId).sort()).toEqual(["A", "B"]);
  }, 30_000);
});
