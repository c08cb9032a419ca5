// The service's Prometheus metrics (prom-client), one registry per service so tests can run several side by side.
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import type { BatchReport } from "./router";

export class ServiceMetrics {
  readonly registry = new Registry();
  readonly leadsRouted: Counter<"status" | "owner">;
  readonly leadsReplayed: Counter;
  readonly capOverflows: Counter;
  readonly batches: Counter;
  readonly batchWaits: Counter;
  readonly batchesForwarded: Counter;
  readonly leadsFollowed: Counter;
  readonly batchRetries: Counter;
  readonly batchSize: Histogram;
  readonly requestDuration: Histogram<"method" | "route" | "status_code">;
  readonly storeErrors: Counter<"kind">;
  readonly notifications: Counter<"channel" | "result">;
  readonly flowReloads: Counter<"result">;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: "leadwire_" });
    this.leadsRouted = new Counter({
      name: "leadwire_leads_routed_total",
      help: 'Leads routed (first time only; a resent id is counted in leadwire_leads_replayed_total), by status and owner id ("" when none).',
      labelNames: ["status", "owner"],
      registers,
    });
    this.leadsReplayed = new Counter({
      name: "leadwire_leads_replayed_total",
      help: "Leads answered with the outcome of an earlier routing of the same id.",
      registers,
    });
    this.capOverflows = new Counter({
      name: "leadwire_cap_overflows_total",
      help: "Leads that left a cap node by its overflow port.",
      registers,
    });
    this.batches = new Counter({ name: "leadwire_batches_total", help: "Micro-batches committed to the state store.", registers });
    this.batchRetries = new Counter({
      name: "leadwire_batch_retries_total",
      help: "Batches decided again because their lease expired before they committed (a conflict; nothing was written).",
      registers,
    });
    this.leadsFollowed = new Counter({
      name: "leadwire_lead_changes_total",
      help: "Followed leads changed by events or by deadlines, reminders and cadence tasks firing.",
      registers,
    });
    this.batchWaits = new Counter({
      name: "leadwire_batch_lease_waits_total",
      help: "Times a batch found another process deciding on the same flow and waited for the lease.",
      registers,
    });
    this.batchesForwarded = new Counter({
      name: "leadwire_batches_forwarded_total",
      help: "Batches handed to the process holding the flow's lease, which decided and counted them with its own.",
      registers,
    });
    this.batchSize = new Histogram({
      name: "leadwire_batch_leads",
      help: "Leads per micro-batch.",
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000],
      registers,
    });
    this.requestDuration = new Histogram({
      name: "leadwire_http_request_duration_seconds",
      help: "HTTP request latency, by method, route and status code.",
      labelNames: ["method", "route", "status_code"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.storeErrors = new Counter({
      name: "leadwire_store_errors_total",
      help: "Requests failed by the state store, by kind (unavailable, busy).",
      labelNames: ["kind"],
      registers,
    });
    this.notifications = new Counter({
      name: "leadwire_notifications_total",
      help: "Notifications handed to the sender, by channel and result (sent, failed).",
      labelNames: ["channel", "result"],
      registers,
    });
    this.flowReloads = new Counter({
      name: "leadwire_flow_reloads_total",
      help: "Flow reloads (POST /v1/flow, SIGHUP), by result (ok, rejected).",
      labelNames: ["result"],
      registers,
    });
  }

  observeBatch(report: BatchReport): void {
    if (report.forwarded) {
      this.batchesForwarded.inc();
      return;
    }
    this.batches.inc();
    this.batchSize.observe(report.leads);
    if (report.attempts > 1) this.batchRetries.inc(report.attempts - 1);
    if (report.waits > 0) this.batchWaits.inc(report.waits);
    if (report.replayed > 0) this.leadsReplayed.inc(report.replayed);
    if (report.capOverflows > 0) this.capOverflows.inc(report.capOverflows);
    if (report.timed) this.leadsFollowed.inc(report.fresh.length);
    else for (const o of report.fresh) this.leadsRouted.inc({ status: o.status, owner: o.owner ?? "" });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
