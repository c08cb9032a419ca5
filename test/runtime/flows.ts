// Flows and lead streams shared by the runtime tests: round robin over a team, an owner cap per day, overflow to a queue.
import type { Flow } from "../../src/engine";
import { makeFlow, team } from "../helpers/flow";

export interface CappedFlowOptions {
  id?: string;
  members?: number;
  capPerDay?: number;
  /** Adds a notify node (email to the owner) after the cap. */
  notify?: boolean | { channel: "email" | "webhook"; to: string };
}

/** trigger → round robin over `members` reps → owner cap per day → (overflow or nobody eligible) → fixed queue owner. */
export function cappedRoundRobin(options: CappedFlowOptions = {}): Flow {
  const members = options.members ?? 8;
  const notify = options.notify === true ? { channel: "email" as const, to: "owner" } : options.notify || null;
  const flow = makeFlow({
    name: "Capped round robin",
    teams: [
      team(
        "reps",
        Array.from({ length: members }, (_, i) => ({ id: `rep${i + 1}`, name: `Rep ${i + 1}`, email: `rep${i + 1}@example.com` })),
      ),
      team("queue", [{ id: "queue", name: "Overflow queue" }]),
    ],
    nodes: [
      { id: "t", type: "trigger", config: {} },
      { id: "r", type: "route", config: { team: "reps", strategy: "round_robin" } },
      { id: "cap", type: "cap", config: { limit: options.capPerDay ?? 50, window: "day", scope: "owner" } },
      { id: "q", type: "route", config: { team: "queue", strategy: "fixed", member: "queue" } },
      ...(notify
        ? [
            {
              id: "n",
              type: "notify" as const,
              config: { channel: notify.channel, to: notify.to, subject: "New lead", template: "Lead {{lead.id}} for {{owner.name}}" },
            },
          ]
        : []),
    ],
    wires: [
      ["t", "r"],
      ["r:assigned", "cap"],
      ["r:unassigned", "q"],
      ["cap:overflow", "q"],
      ...(notify ? ([["cap:ok", "n"]] as [string, string][]) : []),
    ],
  });
  return { ...flow, id: options.id ?? "f_capped" };
}

/** trigger → filter (50 ordinary `matches` rules on email, any of them) → the capped round robin. */
export function patternFlow(rules = 50): Flow {
  const base = cappedRoundRobin({ capPerDay: 10_000 });
  const conditions = {
    op: "any" as const,
    rules: Array.from({ length: rules }, (_, i) => ({ field: "email", operator: "matches" as const, value: `.*@gmail${i}\\.com$` })),
  };
  return {
    ...base,
    fields: [{ key: "email", label: "Email", type: "string" }],
    nodes: [...base.nodes, { id: "f", type: "filter", config: { conditions } }],
    edges: [
      ...base.edges.filter((e) => e.source !== "t"),
      { id: "tf", source: "t", sourcePort: "out", target: "f" },
      { id: "ff", source: "f", sourcePort: "fail", target: "r" },
    ],
  } as Flow;
}

/** A small deterministic generator (mulberry32), so every run posts the same stream. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Lead {
  id: string;
  createdAt: string;
  [key: string]: unknown;
}

/** `total` leads spread over days (uneven: some days under the team's cap total, some far over), grouped by day, in time order. */
export function leadDays(total: number, days: number, seed = 7, prefix = "L"): Lead[][] {
  const rand = seeded(seed);
  const weights = Array.from({ length: days }, () => 0.3 + rand() * 1.7);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / sum) * total));
  counts[0] = (counts[0] ?? 0) + total - counts.reduce((a, b) => a + b, 0);
  let n = 0;
  const t0 = Date.parse("2026-03-02T00:00:00Z");
  return counts.map((count, day) => {
    const times = Array.from({ length: count }, () => t0 + day * 86_400_000 + Math.floor(rand() * 86_400_000)).sort((a, b) => a - b);
    return times.map((at) => ({ id: `${prefix}${++n}`, createdAt: new Date(at).toISOString(), source: "web" }));
  });
}

/** Cuts leads into request bodies: about a third single leads, the rest batches of 2–60. */
export function toRequests(leads: readonly Lead[], rand: () => number): Lead[][] {
  const out: Lead[][] = [];
  for (let i = 0; i < leads.length;) {
    const size = rand() < 0.35 ? 1 : 2 + Math.floor(rand() * 59);
    out.push(leads.slice(i, i + size));
    i += size;
  }
  return out;
}

/** The request body for one or more leads: a single lead is sent as the bare object. */
export const bodyOf = (leads: readonly Lead[]) => JSON.stringify(leads.length === 1 ? leads[0] : { leads });

/**
 * Round robin over three reps; a first call within `withinMinutes`, a reminder half-way; a breach reassigns to someone
 * else. With `cyPerDay`, Cy takes at most that many leads a day and both routes respect it.
 */
export function followUpFlow(id: string, withinMinutes: number, cyPerDay?: number) {
  const members = ["ann", "bob", "cy"].map((m) => ({
    id: m,
    name: m[0]!.toUpperCase() + m.slice(1),
    email: `${m}@example.com`,
    ...(m === "cy" && cyPerDay !== undefined ? { capacity: { perDay: cyPerDay } } : {}),
  }));
  const respect = cyPerDay !== undefined ? { respect: { capacity: true } } : {};
  return {
    format: "leadwire.flow",
    version: 2,
    id,
    name: id,
    settings: { timezone: "UTC", seed: 1 },
    fields: [],
    teams: [{ id: "sales", name: "Sales", members }],
    nodes: [
      { id: "t", type: "trigger", config: {} },
      { id: "r", type: "route", config: { team: "sales", strategy: "round_robin", ...respect } },
      {
        id: "f",
        type: "follow_up",
        config: {
          within: { minutes: withinMinutes },
          clock: "calendar",
          remind: [{ after: { minutes: withinMinutes / 2 }, channel: "email", to: "owner" }],
        },
      },
      { id: "r2", type: "route", config: { team: "sales", strategy: "round_robin", exclude: "previous_owners", ...respect } },
    ],
    edges: [
      { id: "e1", source: "t", sourcePort: "out", target: "r" },
      { id: "e2", source: "r", sourcePort: "assigned", target: "f" },
      { id: "e3", source: "f", sourcePort: "breached", target: "r2" },
    ],
  };
}
