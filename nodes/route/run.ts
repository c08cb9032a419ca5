// The route's executor: checks each member's eligibility, picks by strategy, assigns and records what undoes it.
import { normText, readField, isEmptyValue } from "../../src/engine/conditions/values";
import type { Member, NodeOf, Team } from "../../src/engine/document/schema";
import { localText, type LocalText } from "../../src/engine/i18n";
import type { LeadRun } from "../../src/engine/lead-run";
import type { BoundNode, CompileContext, NodeExecutor } from "../../src/engine/node-spec";
import { nodeName } from "../../src/engine/node-name";
import { isoTime } from "../../src/engine/iso-time";
import { traceLines, type TraceLine } from "../../src/engine/trace";
import { nodeState, type FlowState } from "../../src/engine/state";
import { makeEligibility, matchValuesOf, rosterFacts, type Reason } from "./eligibility";
import { RoundRobinCursor, RouteLedger, type RouteState } from "./ledger";
import { memberWeight } from "./weights";
import {
  pickCatchUp,
  pickLeastLoaded,
  pickRandomWeighted,
  pickRoundRobin,
  pickWeightedAmong,
  pickWeightedRoundRobin,
  seedFor,
  WeightedValues,
  type Pick,
} from "./strategies";

const EMPTY_TEAM: Team = { id: "", name: "", members: [] };

function findOwnerIndex(members: readonly Member[], value: unknown): number {
  const wanted = normText(value);
  return members.findIndex((m) => normText(m.id) === wanted || (m.email !== undefined && normText(m.email) === wanted));
}

export function compileRoute(node: NodeOf<"route">, ctx: CompileContext): NodeExecutor {
  const config = node.config;
  const team = ctx.teams.get(config.team) ?? EMPTY_TEAM;
  const members = team.members;
  const weights = members.map((m) => memberWeight(config, m));
  // Smooth weighted round robin adds and subtracts weights forever: in millionths they are whole numbers, so the
  // running values stay exact and ties really go to roster order (0.3 + 0.2 + 0.1 is not 0.6 in floating point).
  const wholeWeights = Float64Array.from(weights, (w) => Math.round(w * 1_000_000));
  const memberIndex = new Map<string, number>();
  members.forEach((m, i) => {
    if (!memberIndex.has(m.id)) memberIndex.set(m.id, i);
  });
  const indexOf = (id: string) => memberIndex.get(id) ?? -1;
  const strategyKey = config.strategy === "round_robin" && config.catchUp ? "round_robin_catch_up" : config.strategy;
  const strategyText: LocalText = localText(`strategy.${strategyKey}`);
  const memberNames = members.map((m) => m.name || m.id);
  const name = nodeName(node);
  // The node on the `assigned` edge may limit owners (an owner-scoped cap answers `ownerLimit`); it is asked, not named.
  const nextNode = ctx.next(node.id, "assigned");
  const nextName = nextNode ? nodeName(nextNode) : "";
  // Earlier owners are remembered outside a lead's `life` only when some route of the flow skips them.
  const remembersOwners = ctx.flow.nodes.some((n) => n.type === "route" && n.config.exclude !== undefined);
  // What the roster alone decides, once per flow: the service binds a run per batch of a few leads, and rebuilding these
  // for a 500-member roster cost more than deciding the leads.
  // Without match, hours, capacity, leave, exclusion or an owner cap, eligibility is only "active": decided once, not per lead.
  const dependsOnConfig =
    Boolean(config.match) ||
    config.respect?.workingHours === true ||
    config.respect?.capacity === true ||
    config.exclude !== undefined ||
    members.some((m) => (m.away?.length ?? 0) > 0);
  const activeOnly: readonly boolean[] = members.map((m) => m.active !== false);
  const activeWeighted = Int32Array.from(activeOnly.flatMap((on, i) => (on && (wholeWeights[i] as number) > 0 ? [i] : [])));
  const activeTotal = activeWeighted.reduce((sum, i) => sum + (wholeWeights[i] as number), 0);
  const roster = rosterFacts(config, members, ctx);

  return {
    bind(state: FlowState, peers: (id: string) => BoundNode | undefined, { lang, members: book }) {
      const makeLine = traceLines(lang);
      const assignedLines: (TraceLine | undefined)[] = new Array<TraceLine | undefined>(members.length);
      const st = nodeState<RouteState>(state, node.id, () => ({ counts: {} }));
      if (config.strategy === "random_weighted" && st.rng === undefined) st.rng = seedFor(ctx.seed, node.id);
      // Peers are bound after this node, so the cap is looked up on first use and then kept.
      let cap: { node: string; bound: BoundNode } | null | undefined;
      const ownerCap = () => {
        if (cap === undefined) {
          const bound = nextNode ? peers(nextNode.id) : undefined;
          cap = bound?.ownerLimit ? { node: nextName, bound } : null;
        }
        return cap;
      };
      // Members by roster position: their slot in the run's member counters (-1 until first asked), this node's counts.
      const slots = new Int32Array(members.length).fill(-1);
      const slotAt = (i: number): number => {
        const s = slots[i] as number;
        return s >= 0 ? s : (slots[i] = book.slot((members[i] as Member).id));
      };
      const ledger = new RouteLedger(members, st);
      const cursor = new RoundRobinCursor(members, st, indexOf);
      const check = makeEligibility(config, members, ctx, roster, book, slotAt, ownerCap);
      const ok: boolean[] = new Array<boolean>(members.length).fill(false);
      const weighted = config.strategy === "weighted_round_robin" ? new WeightedValues(members, st) : null;
      // Round robin without a trace asks each member's eligibility only while scanning from the cursor (stopping at the
      // first eligible one); every other strategy, and a traced lead (whose trace lists every member skipped), checks all.
      const lazy = config.strategy === "round_robin" && !config.catchUp;
      let current: LeadRun | null = null;
      let currentMatch: readonly string[] | null = null;
      let checkEach = false;
      const eligibleNow = (i: number) => (checkEach ? check(i, current as LeadRun, currentMatch) === null : (activeOnly[i] as boolean));
      const eligibleChecked = (i: number) => ok[i] as boolean;

      function pick(lead: LeadRun, checked: readonly boolean[] | null): Pick {
        const okNow = checked ?? ok;
        switch (config.strategy) {
          case "round_robin":
            if (!config.catchUp) return pickRoundRobin(members.length, checked ? eligibleChecked : eligibleNow, cursor);
            ledger.enrol();
            return pickCatchUp(okNow, ledger);
          case "weighted_round_robin":
            if (checked === activeOnly && activeWeighted.length > 0)
              return pickWeightedAmong(activeWeighted, activeTotal, wholeWeights, weighted as WeightedValues);
            return pickWeightedRoundRobin(okNow, wholeWeights, weighted as WeightedValues);
          case "random_weighted":
            return pickRandomWeighted(okNow, weights, st);
          case "least_loaded":
            return pickLeastLoaded(okNow, (i) => ((members[i] as Member).openLeads ?? 0) + book.open(slotAt(i)));
          case "fixed": {
            const i = members.findIndex((m) => m.id === config.member);
            if (i < 0) return { reason: { code: "reason.fixed_missing", params: { member: config.member ?? "—" } } };
            return okNow[i] ? { index: i } : { reason: { code: "reason.fixed_ineligible", params: { member: memberNames[i] as string } } };
          }
          case "lead_owner": {
            const field = config.ownerField ?? "";
            const value = readField(lead.data, field);
            if (isEmptyValue(value)) return { reason: { code: "reason.no_owner_value", params: { field } } };
            const i = findOwnerIndex(members, value);
            if (i < 0) return { reason: { code: "reason.no_owner_match", params: { value: String(value) } } };
            return okNow[i] ? { index: i } : { reason: { code: "reason.fixed_ineligible", params: { member: memberNames[i] as string } } };
          }
        }
      }

      /** Takes back what `assign` counted, using the keys it counted in; the cursor and weighted values stay where they are. */
      function release(lead: LeadRun): void {
        const member = lead.owner;
        const keys = lead.assignedKeys;
        if (!member || !keys) return;
        const i = indexOf(member.id);
        ledger.set(i, Math.max(0, (ledger.has(i) ? ledger.count(i) : 1) - 1));
        book.release(slotAt(i), keys);
      }

      function assign(lead: LeadRun, index: number): void {
        if (lead.owner) lead.unassign();
        const member = members[index] as Member;
        lead.owner = member;
        lead.team = team;
        if (!ledger.has(index)) ledger.enrol();
        ledger.set(index, ledger.count(index) + 1);
        const keys = ctx.clock.keys(lead.time);
        book.assign(slotAt(index), keys);
        lead.assignedKeys = keys;
        lead.release = release;
        const life = lead.life;
        if (life) {
          const at = isoTime(lead.time);
          const why = life.cause ?? "assigned";
          life.cause = undefined;
          life.timeline.push({ at, kind: life.owners.length > 0 ? "reassigned" : "assigned", owner: member.id, node: node.id });
          life.owners.push({ owner: member.id, at, why });
        } else if (remembersOwners) (lead.pastOwners ??= []).push(member.id);
      }

      function unassigned(lead: LeadRun, reason: Reason): string {
        if (lead.trace) lead.note(node.id, "route.unassigned", { node: name, reason: localText(reason.code, reason.params) });
        return "unassigned";
      }

      return {
        step(lead) {
          if (members.length === 0) return unassigned(lead, { code: "reason.empty_team" });
          const isWeighted = config.strategy === "weighted_round_robin" || config.strategy === "random_weighted";
          let checked: readonly boolean[] | null;
          if (lazy && !lead.trace) {
            // Every member already found at the owner cap's limit for this time: nobody eligible, as a scan would find.
            if (check.allAtLimit(lead.time)) return unassigned(lead, { code: "reason.nobody_eligible" });
            // Asked member by member from the cursor (eligibleNow), for this lead.
            current = lead;
            checkEach = dependsOnConfig || ownerCap() !== null;
            currentMatch = matchValuesOf(config, lead);
            checked = null;
          } else if (!dependsOnConfig && !lead.trace && ownerCap() === null) checked = activeOnly;
          else {
            for (let i = 0, matchValues = matchValuesOf(config, lead); i < members.length; i++) {
              const reason = check(i, lead, matchValues);
              ok[i] = reason === null;
              if (lead.trace) {
                if (reason)
                  lead.note(node.id, "route.skip", { member: memberNames[i] as string, reason: localText(reason.code, reason.params) });
                else if (isWeighted && !((weights[i] as number) > 0))
                  lead.note(node.id, "route.skip", { member: memberNames[i] as string, reason: localText("reason.zero_weight") });
              }
            }
            checked = ok;
          }
          const picked = pick(lead, checked);
          current = null;
          if ("reason" in picked) return unassigned(lead, picked.reason);
          assign(lead, picked.index);
          if (lead.trace)
            lead.noteLine(
              (assignedLines[picked.index] ??= makeLine(node.id, "route.assigned", {
                member: memberNames[picked.index] as string,
                strategy: strategyText,
              })),
            );
          return "assigned";
        },
        finish() {
          ledger.save();
          cursor.save();
          weighted?.save();
        },
      };
    },
  };
}
