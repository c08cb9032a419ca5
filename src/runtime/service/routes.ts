// The service's endpoints: POST /v1/leads and /v1/events, GET /v1/leads/:id, /v1/state, /v1/rotation, POST /v1/flow, health, metrics.
import { translate } from "../texts";
import type { FastifyInstance } from "fastify";
import { type Lang, emptyState, rotationView, toTime } from "../../engine";
import type { StateStore } from "../store/types";
import { requireRole, type Credentials } from "./auth";
import type { PreparedFlow } from "./flow-source";
import type { ServiceMetrics } from "./metrics";
import type { ActiveFlow, BatchRouter } from "./router";
import { parseEventsBody } from "./events-body";
import { parseLeadsBody, type BodyLimits } from "./validate-body";

export interface RouteDeps {
  router: BatchRouter;
  store: StateStore;
  metrics: ServiceMetrics;
  lang: Lang;
  limits: BodyLimits;
  flowBodyLimit: number;
  credentials: Credentials;
  flow(): ActiveFlow;
  /** Validates a flow document and, when it is good, makes it the one the next batch uses. */
  replaceFlow(input: unknown, options?: { newState?: boolean }): PreparedFlow;
}

const truthy = (value: string | undefined) => value === "1" || value === "true";

export function installRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { router, store, metrics, lang } = deps;
  const as = (role: "admin" | "read" | "ingest") => ({ preHandler: requireRole(deps.credentials, role, lang) });

  app.post<{ Querystring: { trace?: string } }>("/v1/leads", as("ingest"), async (request, reply) => {
    // The whole body is checked before anything is routed: one bad lead rejects the request, nothing half-applied.
    const parsed = parseLeadsBody(request.body, lang, deps.limits);
    if (!parsed.ok) {
      return reply
        .code(parsed.status)
        .send({ error: translate("service.rejected", { count: parsed.problems.length }, lang), problems: parsed.problems });
    }
    const outcomes = await router.route(parsed.leads, { trace: truthy(request.query.trace) });
    return { outcomes };
  });

  app.post("/v1/events", as("ingest"), async (request, reply) => {
    // Checked as a whole, then applied in one atomic step: a refused event leaves every event of the request unapplied.
    const parsed = parseEventsBody(request.body, Date.now(), lang);
    if (!parsed.ok)
      return reply
        .code(parsed.status)
        .send({ error: translate("service.events_rejected", { count: parsed.problems.length }, lang), problems: parsed.problems });
    const result = await router.applyEvents(parsed.events);
    if (result.refused.length > 0) {
      const problems = result.refused.map((w) => {
        const i = parsed.events.findIndex((e) => e.id === w.event);
        return { code: w.code, path: parsed.events.length === 1 ? "$" : `events[${i}]`, message: w.message };
      });
      return reply.code(422).send({ error: translate("service.events_rejected", { count: problems.length }, lang), problems });
    }
    return {
      applied: result.applied,
      duplicates: result.duplicates,
      warnings: result.warnings.map((w) => ({ code: w.code, event: w.event, message: w.message })),
      leads: result.outcomes,
    };
  });

  app.get<{ Params: { id: string } }>("/v1/leads/:id", as("read"), async (request, reply) => {
    const { id } = request.params;
    const { outcome, followed } = await store.readLead(deps.flow().id, id);
    if (!outcome && !followed) return reply.code(404).send({ error: translate("service.lead_unknown", { id }, lang) });
    // The first outcome says how it was routed (path, warnings); a followed lead's record says what happened since.
    return {
      id,
      status: followed?.status ?? outcome?.status,
      owner: followed ? followed.owner : outcome?.owner,
      team: followed ? followed.team : outcome?.team,
      path: followed?.path ?? outcome?.path ?? [],
      owners: followed?.owners ?? outcome?.owners ?? [],
      timeline: followed?.timeline ?? outcome?.timeline ?? [],
      ...(followed?.wait ? { dueAt: new Date(followed.wait.dueAt).toISOString() } : {}),
      ...(outcome?.warnings?.length ? { warnings: outcome.warnings } : {}),
      ...(outcome?.error ? { error: outcome.error } : {}),
      first: outcome,
    };
  });

  app.get("/v1/state", as("read"), async (_request, reply) => {
    const active = deps.flow();
    const { state, version } = await store.readState(active.id);
    return reply
      .header("x-leadwire-flow", active.id)
      .header("x-leadwire-state-version", String(version))
      .send(state ?? emptyState());
  });

  app.get<{ Querystring: { at?: string } }>("/v1/rotation", as("read"), async (request, reply) => {
    const value = request.query.at;
    const at = value === undefined || value === "" ? Date.now() : toTime(value);
    if (Number.isNaN(at)) {
      const message = translate("service.rotation_at", { path: "at", value }, lang);
      return reply.code(400).send({ error: message, problems: [{ code: "service.rotation_at", path: "at", message }] });
    }
    const active = deps.flow();
    // Cursors and counters only: the followed leads play no part in who is next.
    const { state, version } = await store.readState(active.id, { leads: false });
    return reply
      .header("x-leadwire-flow", active.id)
      .header("x-leadwire-state-version", String(version))
      .send({ flow: active.id, version, at: new Date(at).toISOString(), routes: rotationView(active.compiled.flow, state, at) });
  });

  app.post<{ Querystring: { newState?: string } }>(
    "/v1/flow",
    { bodyLimit: deps.flowBodyLimit, ...as("admin") },
    async (request, reply) => {
      const result = deps.replaceFlow(request.body, { newState: truthy(request.query.newState) });
      if (!result.ok)
        return reply
          .code(result.kind === "new_id" ? 409 : 422)
          .send({ error: translate("service.flow_rejected", {}, lang), problems: result.problems });
      const { flow } = result.active.compiled;
      return {
        message: translate("service.flow_loaded", { name: flow.name, id: flow.id }, lang),
        flow: { id: flow.id, name: flow.name, version: flow.version },
        warnings: result.warnings.map((w) => ({ code: w.code, nodeId: w.nodeId, path: w.path, message: w.message })),
      };
    },
  );

  app.get("/healthz", async (_request, reply) => {
    try {
      await store.ping();
      return { status: "ok", store: store.kind, flow: deps.flow().id };
    } catch (error) {
      return reply
        .code(503)
        .send({ status: "unavailable", store: store.kind, error: error instanceof Error ? error.message : String(error) });
    }
  });

  app.get("/metrics", as("read"), async (_request, reply) => {
    return reply.type(metrics.registry.contentType).send(await metrics.text());
  });
}
