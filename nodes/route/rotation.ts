// Who a route gives the next leads to, and who it skips now and why: the rotation read from the engine's own state.
import { compileNodes } from "../../src/engine/compile";
import { toTime } from "../../src/engine/conditions/values";
import type { Flow, Member, NodeOf } from "../../src/engine/document/schema";
import { localText, type EngineCode, type LocalText, type MessageParams } from "../../src/engine/i18n";
import { LeadRun } from "../../src/engine/lead-run";
import type { BoundNode } from "../../src/engine/node-spec";
import { nodeName } from "../../src/engine/node-name";
import { MemberBook } from "../../src/engine/member-book";
import { normaliseState, own, type FlowState } from "../../src/engine/state";
import { makeEligibility, rosterFacts, type Reason } from "./eligibility";
import type { RouteState } from "./ledger";
import type { Strategy } from "./schema";
import { memberWeight } from "./weights";

/** How many owners ahead the rotation looks. */
export const ROTATION_AHEAD = 5;

/** An engine message: its code and parameters (for `te`), and its words in both languages. */
export interface RotationText {
  readonly code: EngineCode;
  readonly params?: MessageParams;
  readonly text: LocalText;
}

/** A count against its limit. */
export interface Usage {
  readonly count: number;
  readonly limit: number;
}

/** The limits a route respects now, each with its count: capacity per day, per week, open leads, an owner cap. */
export interface RotationLimits {
  perDay?: Usage;
  perWeek?: Usage;
  maxOpen?: Usage;
  /** An owner-scoped cap wired after the route: its node id and label. */
  cap?: Usage & { readonly node: string; readonly name: string };
}

export interface RotationMember {
  readonly id: string;
  readonly name: string;
  /** Leads assigned to the member today and this week (every route of the flow), in the flow's time zone. */
  readonly today: number;
  readonly thisWeek: number;
  /** Open leads: the roster's `openLeads` plus the flow's assignments not released. */
  readonly open: number;
  /** Leads this route node gave the member so far (its catch-up ledger). */
  readonly fromThisRoute: number;
  readonly limits: RotationLimits;
  /** Leads the member can still take before the first limit is reached; null when no limit applies. */
  readonly capacityLeft: number | null;
  /** The weight weighted strategies use; absent for other strategies. */
  readonly weight?: number;
  /** Why the route would skip the member for a lead arriving now; null when the member can take it. */
  readonly skipped: RotationText | null;
}

export interface RouteRotation {
  readonly node: string;
  /** The node's label, or its id when it has none. */
  readonly name: string;
  readonly team: string;
  readonly strategy: Strategy;
  readonly strategyText: LocalText;
  /** The owners of the next leads in order (at most five); fewer when the route runs out of eligible members. */
  readonly next: readonly { readonly id: string; readonly name: string }[];
  /** Why `next` stops short of five: the route's own "nobody assigned" message. */
  readonly stop?: RotationText;
  readonly members: readonly RotationMember[];
  /** What the prediction assumes, in words. */
  readonly assumptions: readonly RotationText[];
}

const labelOf = (node: { id: string; label?: string | undefined }) => node.label?.trim() || node.id;

function text(code: EngineCode, params?: MessageParams): RotationText {
  return params ? { code, params, text: localText(code, params) } : { code, text: localText(code) };
}

/** A copy of the state's cursors and counters (followed leads are not needed and may be many). */
function counterCopy(state: unknown): FlowState {
  const s = normaliseState(state ?? undefined);
  return { format: s.format, version: s.version, nodes: structuredClone(s.nodes), members: structuredClone(s.members) };
}

/**
 * A lead that passes every check that depends on lead values: its match field holds every value any member's attribute
 * has, so it matches each member that can match at all. Nothing else a route checks reads the lead's fields.
 */
function matchingEveryone(node: NodeOf<"route">, members: readonly Member[]): Record<string, unknown> {
  const match = node.config.match;
  if (!match) return {};
  const values: string[] = [];
  for (const m of members) {
    const raw =
      m.attributes && Object.prototype.hasOwnProperty.call(m.attributes, match.memberAttribute)
        ? m.attributes[match.memberAttribute]
        : undefined;
    for (const v of Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) values.push(String(v));
  }
  return { [match.leadField]: values };
}

/** Binds every node of the flow to `state`, as a run does, so a route finds the owner cap wired after it. */
function bindAll(nodes: ReturnType<typeof compileNodes>["nodes"], state: FlowState, members: MemberBook): BoundNode[] {
  const bound: BoundNode[] = [];
  const peers = (id: string) => bound[nodes.findIndex((n) => n.node.id === id)];
  for (const n of nodes) bound.push(n.executor.bind(state, peers, { lang: "en", members }));
  return bound;
}

/**
 * Per route node of `flow`: the next five owners, each member's counts and room, and who is skipped now and why, for
 * `state` (the engine's plain-JSON state, never changed) at `now`. The next five are the engine's own picks: the route's
 * compiled step runs five times on a copy of the state, for leads arriving at `now` that every member matches, each
 * counted in the owner cap wired after the route as a run would count it.
 */
export function rotationView(flow: Flow, state: unknown, now: number | string | Date): RouteRotation[] {
  const at = typeof now === "number" ? now : toTime(now);
  if (Number.isNaN(at)) throw new Error(`rotationView: "${String(now)}" is not an instant`);
  const compiled = compileNodes(flow);
  const { ctx } = compiled;
  const out: RouteRotation[] = [];
  compiled.nodes.forEach((c, index) => {
    if (c.node.type !== "route") return;
    const node = c.node;
    const config = node.config;
    const members = ctx.teams.get(config.team)?.members ?? [];
    const copy = counterCopy(state);
    const book = new MemberBook(copy);
    const bound = bindAll(compiled.nodes, copy, book);
    const capIndex = c.next["assigned"] ?? -1;
    const capBound = capIndex >= 0 ? bound[capIndex] : undefined;
    const capNode = compiled.nodes[capIndex]?.node;
    const ownerCap =
      capBound?.ownerLimit && capNode ? { node: nodeName(capNode), id: capNode.id, label: labelOf(capNode), bound: capBound } : null;
    const weighted = config.strategy === "weighted_round_robin" || config.strategy === "random_weighted";

    // Members as they stand now, read before the simulated picks change the copy.
    const slotAt = (i: number) => book.slot((members[i] as Member).id);
    const check = makeEligibility(config, members, ctx, rosterFacts(config, members, ctx), book, slotAt, () => ownerCap);
    const probe = new LeadRun({}, at, false, true);
    const keys = ctx.clock.keys(at);
    const routeState = own(copy.nodes, node.id) as RouteState | undefined;
    const rows = members.map((m, i): RotationMember => {
      const slot = slotAt(i);
      const today = book.dayCount(slot, keys.day);
      const thisWeek = book.weekCount(slot, keys.week);
      const open = (m.openLeads ?? 0) + book.open(slot);
      const limits: RotationLimits = {};
      const cap = m.capacity;
      if (config.respect?.capacity === true && cap) {
        if (cap.perDay !== undefined) limits.perDay = { count: today, limit: cap.perDay };
        if (cap.perWeek !== undefined) limits.perWeek = { count: thisWeek, limit: cap.perWeek };
        if (cap.maxOpen !== undefined) limits.maxOpen = { count: open, limit: cap.maxOpen };
      }
      const capUsage = ownerCap?.bound.ownerLimit?.(m.id, at);
      if (ownerCap && capUsage) limits.cap = { count: capUsage.count, limit: capUsage.limit, node: ownerCap.id, name: ownerCap.label };
      const rooms = Object.values(limits).map((u) => Math.max(0, u.limit - u.count));
      const reason: Reason | null =
        check(i, probe, null) ?? (weighted && !(memberWeight(config, m) > 0) ? { code: "reason.zero_weight" } : null);
      return {
        id: m.id,
        name: m.name || m.id,
        today,
        thisWeek,
        open,
        fromThisRoute: (routeState && own(routeState.counts, m.id)) ?? 0,
        limits,
        capacityLeft: rooms.length > 0 ? Math.min(...rooms) : null,
        ...(weighted ? { weight: memberWeight(config, m) } : {}),
        skipped: reason ? text(reason.code, reason.params) : null,
      };
    });

    const assumptions: RotationText[] = [text("rotation.assume_now")];
    const next: { id: string; name: string }[] = [];
    let stop: RotationText | undefined;
    if (config.strategy === "lead_owner") assumptions.push(text("rotation.lead_owner", { field: config.ownerField ?? "" }));
    else {
      if (config.match)
        assumptions.push(text("rotation.assume_match", { field: config.match.leadField, attribute: config.match.memberAttribute }));
      if (ownerCap) assumptions.push(text("rotation.assume_cap", { node: ownerCap.node }));
      const route = bound[index] as BoundNode;
      const data = matchingEveryone(node, members);
      for (let k = 0; k < ROTATION_AHEAD; k++) {
        const lead = new LeadRun(data, at, false, true);
        if (route.step(lead) !== "assigned" || !lead.owner) {
          // A failed pick changes nothing, so the same lead again, traced, says why in the route's own words.
          const traced = new LeadRun(data, at, true, true);
          route.step(traced);
          const line = traced.trace?.find((l) => l.code === "route.unassigned");
          if (line) stop = text(line.code as EngineCode, line.params);
          break;
        }
        next.push({ id: lead.owner.id, name: lead.owner.name || lead.owner.id });
        if (ownerCap) ownerCap.bound.step(lead);
      }
    }
    out.push({
      node: node.id,
      name: labelOf(node),
      team: config.team,
      strategy: config.strategy,
      strategyText: localText(`strategy.${config.strategy === "round_robin" && config.catchUp ? "round_robin_catch_up" : config.strategy}`),
      next,
      ...(stop ? { stop } : {}),
      members: rows,
      assumptions,
    });
  });
  return out;
}
