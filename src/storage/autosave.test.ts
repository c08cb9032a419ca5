import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosaver, autosaveText, flushOnPageHide, type AutosaveState } from "./autosave";
import type { FlowLibrary } from "./library";
import { freshDbName, openLibrary, smallFlow } from "./testing";

// Only the autosaver's timers are faked; fake-indexeddb keeps its real setImmediate.
beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] }));
afterEach(() => vi.useRealTimers());

async function setup(options: { lang?: "en" | "zh-CN"; dbName?: string } = {}) {
  const lib = openLibrary(options.dbName ?? freshDbName());
  const { summary } = await lib.create({ from: smallFlow() });
  const saves = vi.spyOn(lib, "saveDraft");
  const saver = new Autosaver({ library: lib, flowId: summary.id, revision: 1, delayMs: 500, lang: () => options.lang ?? "en" });
  const statuses: AutosaveState["status"][] = [];
  saver.subscribe((s) => statuses.push(s.status));
  return { lib, id: summary.id, saver, saves, statuses };
}

const named = (name: string) => smallFlow(name);

function quotaError(): DOMException {
  return new DOMException("The quota has been exceeded.", "QuotaExceededError");
}

describe("autosave", () => {
  it("debounces a burst of changes into one save of the newest document", async () => {
    const { lib, id, saver, saves, statuses } = await setup();
    saver.change(named("a"));
    await vi.advanceTimersByTimeAsync(200);
    saver.change(named("ab"));
    await vi.advanceTimersByTimeAsync(200);
    saver.change(named("abc"));
    expect(saver.state.status).toBe("pending");
    await vi.advanceTimersByTimeAsync(499);
    expect(saves).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(saver.state.status).toBe("saved"));
    expect(saves).toHaveBeenCalledTimes(1);
    expect(saver.state.revision).toBe(2);
    expect((await lib.getDraft(id))?.doc.name).toBe("abc");
    expect(statuses.filter((s, i) => s !== statuses[i - 1])).toEqual(["pending", "saving", "saved"]);
  });

  it("does not let a stream of changes postpone saving forever (maxWait)", async () => {
    const { saver, saves } = await setup();
    // A change every 300 ms never leaves 500 ms of quiet; the save still comes after at most 10 × 500 ms.
    for (let i = 0; i < 17; i++) {
      saver.change(named(`v${i}`));
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(saves).toHaveBeenCalledTimes(1);
  });

  it("flushNow saves at once, without waiting for the debounce", async () => {
    const { lib, id, saver } = await setup();
    saver.change(named("last edit"));
    const state = await saver.flushNow();
    expect(state).toMatchObject({ status: "saved", revision: 2 });
    expect((await lib.getDraft(id))?.doc.name).toBe("last edit");
  });

  it("flushes when the page is hidden or closed (pagehide, visibilitychange)", async () => {
    const { lib, id, saver } = await setup();
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), { visibilityState: "visible" });
    const detach = flushOnPageHide(saver, win, doc);
    saver.change(named("before reload"));
    win.dispatchEvent(new Event("pagehide"));
    await vi.waitFor(async () => expect((await lib.getDraft(id))?.doc.name).toBe("before reload"));
    saver.change(named("tab hidden"));
    doc.visibilityState = "hidden";
    doc.dispatchEvent(new Event("visibilitychange"));
    await vi.waitFor(async () => expect((await lib.getDraft(id))?.doc.name).toBe("tab hidden"));
    detach();
  });

  it("on a quota error keeps the document, says so clearly and retries with backoff until it succeeds", async () => {
    const { lib, id, saver } = await setup();
    const put = vi.spyOn(lib.db.flows, "put");
    put
      .mockImplementationOnce(() => {
        throw quotaError();
      })
      .mockImplementationOnce(() => {
        throw quotaError();
      });
    saver.change(named("precious"));
    await vi.advanceTimersByTimeAsync(500);
    await vi.waitFor(() => expect(saver.state.status).toBe("error"));
    expect(saver.state.error).toMatchObject({ code: "storage.quota_exceeded", attempt: 1, retryInMs: 1000 });
    expect(autosaveText(saver.state, "en")).toContain("no room left to save this flow");
    expect(autosaveText(saver.state, "en")).toContain("retried in 1 s");
    expect(saver.document?.name).toBe("precious");
    expect((await lib.getDraft(id))?.doc.name).toBe("EMEA round robin");

    saver.change(named("precious, edited while failing"));
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(saver.state.error?.attempt).toBe(2));
    expect(saver.state.error?.retryInMs).toBe(2000);

    await vi.advanceTimersByTimeAsync(2000);
    await vi.waitFor(() => expect(saver.state.status).toBe("saved"));
    expect(saver.state.error).toBeNull();
    expect((await lib.getDraft(id))?.doc.name).toBe("precious, edited while failing");
  });

  it("words a quota error in Chinese for a Chinese user", async () => {
    const { lib, saver } = await setup({ lang: "zh-CN" });
    vi.spyOn(lib.db.flows, "put").mockImplementationOnce(() => {
      throw quotaError();
    });
    saver.change(named("x"));
    await saver.flushNow();
    expect(saver.state.status).toBe("error");
    expect(autosaveText(saver.state, "zh-CN")).toBe(
      "浏览器没有剩余空间来保存此流程。您的更改仍保留在此标签页中；请释放一些空间（删除旧流程或清空回收站）— 将在 1 秒后重试保存。",
    );
  });

  it("stops on a conflict with another tab, keeps this tab's document and writes nothing", async () => {
    const dbName = freshDbName();
    const { lib, id, saver, saves } = await setup({ dbName });
    const otherTab = openLibrary(dbName);
    await otherTab.saveDraft(id, named("theirs"), 1);
    saver.change(named("mine"));
    await saver.flushNow();
    expect(saver.state.status).toBe("conflict");
    expect(saver.state.conflict).toMatchObject({ reason: "changed", theirRevision: 2 });
    expect(autosaveText(saver.state, "en")).toContain("changed in another tab");
    saver.change(named("mine, more"));
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toHaveBeenCalledTimes(1);
    expect(saver.document?.name).toBe("mine, more");
    expect((await lib.getDraft(id))?.doc.name).toBe("theirs");
  });

  it("resolves a conflict by keeping mine as a copy, by taking theirs, or by overwriting knowingly", async () => {
    const dbName = freshDbName();
    const { lib, id, saver } = await setup({ dbName });
    const otherTab = openLibrary(dbName);
    await otherTab.saveDraft(id, named("theirs"), 1);
    saver.change(named("mine"));
    await saver.flushNow();
    const copy = await saver.keepMineAsCopy();
    expect(copy?.doc.name).toBe("mine (my copy)");
    expect(saver.state).toMatchObject({ status: "saved", revision: 2, conflict: null });
    expect(saver.document?.name).toBe("theirs");

    await otherTab.saveDraft(id, named("theirs again"), 2);
    saver.change(named("mine again"));
    await saver.flushNow();
    expect(saver.acceptTheirs()?.name).toBe("theirs again");
    expect(saver.state.revision).toBe(3);

    await otherTab.saveDraft(id, named("theirs third"), 3);
    saver.change(named("mine wins"));
    await saver.flushNow();
    expect((await saver.overwrite()).status).toBe("saved");
    expect((await lib.getDraft(id))?.doc.name).toBe("mine wins");
  });

  it("reports a trashed flow as a conflict, never writing into the trash; after a restore, mine can be saved", async () => {
    const { lib, id, saver } = await setup();
    await lib.trash(id);
    saver.change(named("mine"));
    await saver.flushNow();
    expect(saver.state.conflict?.reason).toBe("trashed");
    expect(autosaveText(saver.state, "zh-CN")).toContain("回收站");
    await lib.restore(id);
    expect((await saver.overwrite()).status).toBe("saved");
    expect((await lib.getDraft(id))?.doc.name).toBe("mine");
  });
});

describe("autosave with a library double", () => {
  it("saves one document at a time and always the newest one", async () => {
    let release: () => void = () => {};
    const calls: string[] = [];
    const library = {
      now: () => 0,
      create: vi.fn(),
      saveDraft: vi.fn(async (_id: string, doc: { name: string }, rev: number) => {
        calls.push(doc.name);
        await new Promise<void>((r) => {
          release = r;
        });
        return { ok: true as const, revision: rev + 1 };
      }),
    } as unknown as Pick<FlowLibrary, "saveDraft" | "create" | "now">;
    const saver = new Autosaver({ library, flowId: "f", revision: 1 });
    saver.change(named("1"));
    const flushed = saver.flushNow();
    await vi.waitFor(() => expect(calls).toEqual(["1"]));
    saver.change(named("2"));
    saver.change(named("3"));
    release();
    await vi.waitFor(() => expect(calls).toEqual(["1", "3"]));
    release();
    expect(await flushed).toMatchObject({ status: "saved", revision: 3 });
  });
});
