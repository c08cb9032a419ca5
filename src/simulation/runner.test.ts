import { describe, expect, it } from "vitest";
import { compileFlow, type RunResult, type Lang } from "../engine";
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

function withoutTraces(result: RunResult): RunResult {
  return { ...result, outcomes: result.outcomes.map(({ trace: _trace, ...rest }) => rest) };
}

describe("SimulationRunner over the worker protocol (in-process worker)", () => {
  it("resolves with the one-run result and reports progress per chunk", async () => {
    const runner = new SimulationRunner(createInProcessWorker);
    const seen: SimulationProgress[] = [];
    const run = await runner.run(flow, batch, { now: NOW, trace: true, chunkSize: 10, onProgress: (p) => seen.push(p) }).result;
    expect(run.kind).toBe("done");
    // Outcomes come back in slices with the progress, without their traces (those stay in the worker).
    expect(run.kind === "done" && run.result).toEqual(withoutTraces(compileFlow(flow).run(batch, { now: NOW, trace: true })));
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
      const w: WorkerLike = {
        onmessage: null,
        onerror: null,
        postMessage: () => setTimeout(() => w.onerror?.({ message: "boom" })),
        terminate: () => {},
      };
      return w;
    };
    const runner = new SimulationRunner(dying);
    expect(await runner.run(flow, batch).result).toEqual({
      kind: "failed",
      message: "The simulation could not start in the background: boom",
    });
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

describe("traces kept in the worker", () => {
  // Unsorted leads, so chunks come back out of input order and the slices say where each outcome goes.
  const shuffled = [...batch].reverse();

  it.each<Lang>(["en", "zh-CN"])("answers each lead's trace exactly as a direct engine run gives it (%s)", async (lang) => {
    const runner = new SimulationRunner(createInProcessWorker);
    const handle = runner.run(flow, shuffled, { now: NOW, trace: true, lang, chunkSize: 7 });
    const run = await handle.result;
    const direct = compileFlow(flow, { lang }).run(shuffled, { now: NOW, trace: true, lang });
    expect(run.kind === "done" && run.result).toEqual(withoutTraces(direct));
    for (let i = 0; i < shuffled.length; i++) {
      expect(await handle.trace(i)).toEqual({ kind: "trace", trace: direct.outcomes[i]?.trace });
    }
    expect(await handle.firstTraceLines()).toEqual({ kind: "lines", lines: direct.outcomes.map((o) => o.trace?.[0]?.text ?? "") });
    runner.dispose();
  });

  it("says clearly when a run's traces are gone or a lead does not exist", async () => {
    const runner = new SimulationRunner(createInProcessWorker);
    const first = runner.run(flow, batch, { now: NOW, trace: true });
    await first.result;
    expect(await first.trace(23)).toEqual({ kind: "gone", message: `Run ${first.runId} has no lead number 23.` });
    // A newer run that is cancelled, or has errors, leaves the older traces in place: the designer still shows that run.
    const cancelled = runner.run(flow, batch, { now: NOW, trace: true, chunkSize: 5 });
    cancelled.cancel();
    expect((await cancelled.result).kind).toBe("cancelled");
    expect((await first.trace(0)).kind).toBe("trace");
    expect((await cancelled.trace(0)).kind).toBe("gone");
    // A newer finished run replaces them.
    const second = runner.run(flow, batch, { now: NOW, trace: true });
    await second.result;
    expect(await first.trace(0)).toEqual({
      kind: "gone",
      message: `The traces of run ${first.runId} are no longer kept (only the newest run's are); run again to see them.`,
    });
    expect(await first.firstTraceLines("zh-CN")).toEqual({
      kind: "gone",
      message: `第 ${first.runId} 次运行的轨迹已不再保留（只保留最新一次运行的）；请重新运行后查看。`,
    });
    expect((await second.trace(0)).kind).toBe("trace");
    // A run without traces keeps none.
    const plain = runner.run(flow, batch, { now: NOW });
    await plain.result;
    expect((await plain.trace(0)).kind).toBe("gone");
    runner.dispose();
    expect((await second.trace(0)).kind).toBe("gone");
  });

  it("answers questions in flight when the worker is disposed", async () => {
    const runner = new SimulationRunner(() => ({ onmessage: null, onerror: null, postMessage: () => {}, terminate: () => {} }));
    const handle = runner.run(flow, batch);
    const asked = handle.trace(0);
    runner.dispose();
    expect(await asked).toMatchObject({ kind: "gone" });
  });
});
