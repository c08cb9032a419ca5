// Deciding a batch of lead requests, this process's and those handed over: grouped by reference time, one engine run per
// group on the store's state, each request answered in its order.
import { toTime, withConditionBudget, type FlowState, type Lang, type Outcome } from "../../engine";
import type { OutgoingNotification } from "../senders/types";
import { translate } from "../texts";
import type { ActiveFlow, RouteOptions, Routed, RouterOptions, ServiceLead } from "./router-types";

/** A request as handed to the process holding the lease (the payload of a forwarded batch is a list of them). */
export interface ForwardedRequest {
  readonly leads: readonly ServiceLead[];
  readonly trace?: boolean;
  readonly now?: string | number;
}

/** The requests of a batch that share a reference time: one engine run. */
export interface RunGroup {
  readonly now: string | number | undefined;
  readonly leads: ServiceLead[];
  trace: boolean;
}

export const DEFAULT_BATCH_BUDGET_MS = 250;

/**
 * How far ahead of the server's clock a lead may be dated in a flow without follow-up (a CRM clock a little fast). Later
 * leads are not routed: counted in a future window, one lead dated 2099 would move every counter it touches to 2099, and
 * today's counts would pile up as "late" windows that are never dropped. Follow-up flows refuse any lead after now.
 */
export const LEAD_CLOCK_SKEW_MS = 60_000;

/** The messages of outcomes, addressed for the senders. */
export function notificationsFor(flowId: string, outcomes: Iterable<Outcome>): OutgoingNotification[] {
  const out: OutgoingNotification[] = [];
  for (const o of outcomes)
    for (const notification of o.notifications) out.push({ flowId, leadId: o.id, ...(o.owner ? { owner: o.owner } : {}), notification });
  return out;
}

function futureLead(lead: ServiceLead | undefined, options: { now: string | number; lang?: Lang }): Outcome {
  const at = String(lead?.createdAt ?? "");
  const error = translate("service.lead_future", { at, now: new Date(options.now).toISOString() }, options.lang ?? "en");
  return { id: lead?.id ?? "", status: "error", path: [], notifications: [], error, owners: [], timeline: [] };
}

/** A queued request as forwarded to the process holding the lease. */
export function request(p: { readonly leads: readonly ServiceLead[]; readonly options: RouteOptions }): ForwardedRequest {
  return {
    leads: p.leads,
    ...(p.options.trace ? { trace: true } : {}),
    ...(p.options.now !== undefined ? { now: p.options.now } : {}),
  };
}

/** A request's outcomes in its order: this batch's (trace only when asked) or the first outcome stored before. */
export function answer(
  r: ForwardedRequest,
  fresh: ReadonlyMap<string, Outcome> | undefined,
  known: ReadonlyMap<string, Outcome>,
): Outcome[] {
  return r.leads.map((l) => {
    const o = fresh?.get(l.id);
    if (o) return r.trace ? o : withoutTrace(o);
    return known.get(l.id) as Outcome;
  });
}

export function withoutTrace(outcome: Outcome): Outcome {
  if (outcome.trace === undefined) return outcome;
  const { trace: _trace, ...rest } = outcome;
  return rest;
}

/** The engine's retention option, when the router was given one. */
export function retentionOf(retentionDays: number | undefined): { retentionDays?: number } {
  return retentionDays ? { retentionDays } : {};
}

/** The requests grouped by reference time (a request's own `now`), in the order first seen; traced if one asked. */
export function groupByNow(requests: Iterable<ForwardedRequest>): RunGroup[] {
  const groups = new Map<string, RunGroup>();
  for (const r of requests) {
    const key = r.now === undefined ? "" : `${typeof r.now}:${r.now}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { now: r.now, leads: [], trace: false }));
    group.leads.push(...r.leads);
    if (r.trace) group.trace = true;
  }
  return [...groups.values()];
}

/** Routes the leads not routed before, one engine run per reference time, on the store's state (changed in place). */
export function decideLeads(
  active: ActiveFlow,
  state: FlowState,
  known: ReadonlyMap<string, Outcome>,
  groups: readonly RunGroup[],
  defaultNow: string | number,
  options: Pick<RouterOptions, "lang" | "batchBudgetMs" | "retentionDays" | "followLeads">,
): (Routed & { leads: number }) | null {
  const seen = new Set<string>();
  const full = new Map<string, Outcome>();
  const stored = new Map<string, Outcome>();
  let capOverflows = 0;
  let current = state;
  const all = groups.reduce((n, g) => n + g.leads.length, 0);
  for (const group of groups) {
    const fresh = group.leads.filter((l) => !known.has(l.id) && !seen.has(l.id) && seen.add(l.id));
    if (fresh.length === 0) continue;
    const runOptions = {
      now: group.now ?? defaultNow,
      trace: group.trace,
      ...(options.lang ? { lang: options.lang } : {}),
      // Events given (none) make the engine keep the leads it routes, so later events can reach them.
      ...(options.followLeads ? { events: [] } : {}),
    };
    // The server's clock, not the run's reference time (which callers may set for leads without createdAt).
    const clock = Date.now();
    const latest = clock + LEAD_CLOCK_SKEW_MS;
    const ahead = fresh.filter((l) => l.createdAt !== undefined && toTime(l.createdAt) > latest);
    const todo = ahead.length === 0 ? fresh : fresh.filter((l) => !ahead.includes(l));
    // A bounded batch keeps the event loop free for other requests (and /healthz) whatever the leads hold.
    const run = withConditionBudget(
      { runMs: options.batchBudgetMs ?? DEFAULT_BATCH_BUDGET_MS, ...(options.lang ? { lang: options.lang } : {}) },
      () => active.compiled.run(todo, { ...runOptions, ...retentionOf(options.retentionDays), state: current, stateInPlace: true }),
    );
    current = run.state;
    capOverflows += run.summary.capOverflows;
    for (const lead of ahead) full.set(lead.id, futureLead(lead, { ...runOptions, now: clock }));
    // Follow-up flows run in time: a lead dated after now is not routed (nor kept), so it cannot grow the state.
    for (const id of run.notDue?.leads ?? [])
      full.set(
        id,
        futureLead(
          todo.find((l) => l.id === id),
          runOptions,
        ),
      );
    for (const o of run.outcomes) {
      full.set(o.id, o);
      // An error outcome is answered but not kept: the lead was not routed, so a corrected resend may route it.
      if (o.status !== "error") stored.set(o.id, withoutTrace(o));
    }
  }
  if (full.size === 0) return null;
  return { state: current, outcomes: stored, full, capOverflows, notify: notificationsFor(active.id, stored.values()), leads: all };
}
