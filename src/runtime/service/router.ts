// Group commit: requests that arrive while a batch runs are routed together in the next batch, one store transaction each.
import type { LeadEvent, Outcome } from "../../engine";
import type { BatchReport, RouteOptions, Routed, RouterOptions, ServiceLead } from "./router-types";
import { answer, decideLeads, groupByNow, request, withoutTrace, type ForwardedRequest } from "./router-decide";
import { HandedOver } from "./router-handover";
import { RequestQueue, type Pending } from "./router-queue";
import * as timed from "./router-timed";

export { DEFAULT_BATCH_BUDGET_MS, LEAD_CLOCK_SKEW_MS, notificationsFor } from "./router-decide";
export { TIMER_BATCH, type EventsResult } from "./router-timed";
export type { ActiveFlow, BatchReport, RouteOptions, RouterOptions, ServiceLead } from "./router-types";

export class BatchRouter {
  private readonly queue: RequestQueue;
  private running: Promise<void> | null = null;
  private readonly maxBatchLeads: number;
  /** The store kept the flow's lease for batches other processes handed over: run a batch even with an empty queue. */
  private holding = false;
  private stopping = false;
  /** Another process held the lease at the last batch: hand the next ones to it at once, several in flight (handOver). */
  private forwarding = false;
  private readonly handedOver: HandedOver;
  private readonly timedRouting: timed.TimedRouting;

  constructor(private readonly options: RouterOptions) {
    this.maxBatchLeads = options.maxBatchLeads ?? 2_000;
    this.queue = new RequestQueue(this.maxBatchLeads);
    this.handedOver = new HandedOver({
      retry: (requests) => {
        this.forwarding = false;
        this.queue.putBack(requests);
        this.kick();
      },
      report: (report) => this.report(report),
    });
    options.store.onInbox?.(() => this.held(true));
    this.timedRouting = { options, held: (holding) => this.held(holding), report: (report) => this.report(report) };
  }

  /** Routes leads (each id at most once, ever) and answers their outcomes in the order given. */
  route(leads: readonly ServiceLead[], options: RouteOptions = {}): Promise<Outcome[]> {
    if (leads.length === 0) return Promise.resolve([]);
    return new Promise<Outcome[]>((resolve, reject) => {
      this.queue.push({ leads, options, since: performance.now(), resolve, reject });
      this.kick();
    });
  }

  /** Resolves once no batch runs and none waits. */
  async idle(): Promise<void> {
    while (this.running || this.handedOver.size > 0) await Promise.all([this.running, ...this.handedOver.all()]);
  }

  /** No more batches for other processes (shutting down): the requests queued here are still routed. */
  stop(): void {
    this.stopping = true;
  }

  private held(holding: boolean | undefined): void {
    if (!holding || this.stopping) return;
    this.holding = true;
    this.forwarding = false;
    this.kick();
  }

  private kick(): void {
    if (this.running || (this.queue.length === 0 && !this.holding)) return;
    // One turn of the event loop first, so that requests read in the same turn share the batch (and its one transaction).
    this.running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.runBatch())
      .finally(() => {
        this.running = null;
        this.kick();
      });
  }

  /**
   * Routes one batch. The batch is taken from the queue only once the store is ready to decide (a Redis store holds the
   * flow's lease then): requests that arrive while another process decides join this batch instead of waiting behind it.
   */
  private async runBatch(): Promise<void> {
    const started = performance.now();
    const active = this.options.flow();
    this.holding = false;
    const batch: Pending[] = [];
    let leads: ServiceLead[] = [];
    let scope: { ids: string[]; followed: string[]; inbox: number; forward?: () => string; wait?: false } = {
      ids: [],
      followed: [],
      inbox: this.maxBatchLeads,
      wait: false,
    };
    // Called by the store each time it tries to decide: requests queued while it waited for the lease join the batch.
    const take = () => {
      if (!this.queue.takeInto(batch)) return scope;
      leads = batch.flatMap((p) => p.leads);
      const ids = leads.map((l) => l.id);
      // Another process deciding takes this batch with its own (forward); a batch that brings no leads only serves the inbox.
      scope = {
        ids,
        followed: ids,
        inbox: Math.max(100, this.maxBatchLeads - leads.length),
        forward: () => JSON.stringify(batch.map(request)),
      };
      return scope;
    };
    if (this.forwarding && this.options.store.handOver) {
      const handing = take();
      if (batch.length > 0) {
        try {
          const handed = await this.options.store.handOver(active.id, handing);
          if (handed) {
            this.handedOver.add(handed.answer, batch, active.id, leads.length, started);
            return;
          }
        } catch (error) {
          for (const p of batch) p.reject(error);
          return;
        }
      }
      this.forwarding = false;
    }
    try {
      let decided = 0;
      const result = await this.options.store.transact<Routed>(active.id, take, (state, known, inbox) => {
        const items = (inbox?.items ?? []).map((item) => ({ id: item.id, requests: JSON.parse(item.payload) as ForwardedRequest[] }));
        const groups = groupByNow([...batch.map(request), ...items.flatMap((item) => item.requests)]);
        decided = groups.reduce((n, g) => n + g.leads.length, 0);
        // The reference time of requests that set none (theirs or handed over; a request's own `now` is its group's),
        // read after BEGIN: a batch handed over was received before BEGIN took it, so none of its leads is "dated later
        // than now" (a follow-up flow refuses those); read when the batch was formed, it could be.
        const routed = decideLeads(active, state, known, groups, Date.now(), this.options);
        for (const item of items) inbox?.reply(item.id, JSON.stringify(item.requests.map((r) => answer(r, routed?.full, known))));
        return routed;
      });
      this.forwarding = result.handed !== undefined;
      this.held(result.holding);
      const { known, written } = result;
      if (result.handed) {
        this.handedOver.add(result.handed, batch, active.id, leads.length, started);
        return;
      }
      for (const p of batch) p.resolve(answer(request(p), written?.full, known));
      if (decided === 0) return;
      this.report({
        flowId: active.id,
        leads: decided,
        fresh: written ? [...written.full.values()].map(withoutTrace) : [],
        replayed: decided - (written?.full.size ?? 0),
        capOverflows: written?.capOverflows ?? 0,
        attempts: result.attempts,
        waits: result.waits ?? 0,
        ms: performance.now() - started,
      });
    } catch (error) {
      // Nothing of the batch was written. A store that failed before taking it fails the requests queued now.
      if (batch.length === 0) this.queue.takeInto(batch);
      for (const p of batch) p.reject(error);
    }
  }

  /**
   * Applies events in one atomic step (spec §9 Events): all of them, or none when one names an unknown lead, is dated before
   * its lead or comes from someone who is not the owner. Deadlines due by then fire in the same step, in time order.
   */
  applyEvents(events: readonly LeadEvent[]): Promise<timed.EventsResult> {
    return timed.applyEvents(this.timedRouting, events);
  }

  /** Fires the deadlines, reminders and cadence tasks due by `now` (at most TIMER_BATCH leads); the number of leads changed. */
  fireDue(now = Date.now()): Promise<number> {
    return timed.fireDue(this.timedRouting, now);
  }

  private report(report: BatchReport): void {
    try {
      this.options.onBatch?.(report);
    } catch {
      // Metrics and notifications must never change a routing result that is already committed.
    }
  }
}
