import { describe, expect, it } from "vitest";
import { compileFlow } from "../engine/compile";
import { leads as makeLeads, makeFlow, team, trigger } from "../../test/helpers/flow";
import { createInProcessWorker } from "./in-process-worker";
import { SimulationRunner } from "./runner";
import type { SimulationProgress, WorkerLike } from "./worker-protocol";

const NOW = "2026-03-02T12:00:00Z";
const flow = makeFlow({
  teams: [team("t1", [{ id: "a", weight: 2 }, { id: "b" }])],
  nodes: [trigger(), { id: "r", type: "route", config: { team: "t1", strategy: "weighted_round_robin" } }],
  wires: [["t", "r"]],
});
const batch = makeLeads(23);

describe("SimulationRunner over the worker protocol (in-process worker)", () => {
  it("resolves with the one-run result and reports progress per chunk", async () => {
    const runner = new SimulationRunner(createInProcessWorker);
    const seen: SimulationProgress[] = [];
    const run = await runner.run(flow, batch, { now: NOW, trace: true, chunkSize: 10, onProgress: (p) => seen.push(p) }).result;
    expect(run.kind).toBe("done");
    expect(run.kind === "done" && run.result).toEqual(compileFlow(flow).run(batch, { now: NOW, trace: true }));
    expect(seen.map((p) => p.done)).toEqual([10, 20, 23]);
    runner.dispose();
  });

  it("cancels between chunks", async () => {
    const runner = new SimulationRunner(createInProcessWorker);
    const handle = runner.run(flow, batch, { now: NOW, chunkSize: 5 });
    handle.cancel();
    expect(await handle.result).toMatchObject({ kind: "cancelled", done: 5, total: 23 });
    runner.dispose();
  });

  it("cancels a run still going when a new one starts", async () => {
    const runner = new SimulationRunner(createInProcessWorker);
    const first = runner.run(flow, batch, { now: NOW, chunkSize: 5 });
    const second = runner.run(flow, batch.slice(0, 3), { now: NOW });
    expect((await first.result).kind).toBe("cancelled");
    expect(await second.result).toMatchObject({ kind: "done", result: { summary: { leads: 3 } } });
    runner.dispose();
  });

  it("returns validation errors and the empty run as results", async () => {
    const runner = new SimulationRunner(createInProcessWorker);
    const broken = { ...flow, nodes: flow.nodes.filter((n) => n.type !== "trigger") };
    expect((await runner.run(broken, batch).result).kind).toBe("invalid");
    expect((await runner.run(flow, [], { lang: "zh-CN" }).result).kind).toBe("empty");
    runner.dispose();
  });

  it("fails every run in flight when the worker dies, and starts a fresh worker next time", async () => {
    let made = 0;
    const dying = (): WorkerLike => {
      made++;
      const w: WorkerLike = { onmessage: null, onerror: null, postMessage: () => setTimeout(() => w.onerror?.({ message: "boom" })), terminate: () => {} };
      return w;
    };
    const runner = new SimulationRunner(dying);
    expect(await runner.run(flow, batch).result).toEqual({ kind: "failed", message: "The simulation could not start in the background: boom" });
    await runner.run(flow, batch).result;
    expect(made).toBe(2);
  });

  it("resolves runs in flight as cancelled on dispose", async () => {
    const runner = new SimulationRunner(() => ({ onmessage: null, onerror: null, postMessage: () => {}, terminate: () => {} }));
    const handle = runner.run(flow, batch);
    runner.dispose();
    expect((await handle.result).kind).toBe("cancelled");
  });
});
