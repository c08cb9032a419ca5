import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { LibraryEvent } from "./library";
import { checkFlow, liveFlowList, TabSync, type ExternalChange } from "./sync";
import { freshDbName, openLibrary, smallFlow } from "./testing";

const opened: TabSync[] = [];
afterEach(() => {
  for (const sync of opened.splice(0)) sync.close();
});

/** Two "tabs": each its own BroadcastChannel, database connection and library announcing its changes. */
function twoTabs(channelName = `leadwire-test-${Math.random()}`) {
  const dbName = freshDbName();
  const syncA = new TabSync({ channelName, tabId: "A" });
  const syncB = new TabSync({ channelName, tabId: "B" });
  opened.push(syncA, syncB);
  return {
    syncA,
    syncB,
    tabA: openLibrary(dbName, { onChange: syncA.announce }),
    tabB: openLibrary(dbName, { onChange: syncB.announce }),
  };
}

describe("cross-tab awareness", () => {
  it("a tab learns that the flow it shows was saved in another tab, with the new revision", async () => {
    const { tabA, tabB, syncB } = twoTabs();
    const { summary } = await tabA.create({ from: smallFlow() });
    const shown = await tabB.getDraft(summary.id);
    const changes: ExternalChange[] = [];
    syncB.watchFlow(
      summary.id,
      () => shown?.revision ?? 0,
      (c) => changes.push(c),
    );
    await tabA.saveDraft(summary.id, smallFlow("edited in A"), 1);
    await vi.waitFor(() => expect(changes).toEqual([{ kind: "draft", flowId: summary.id, revision: 2 }]));
  });

  it("ignores its own saves, saves it already has, and other flows", async () => {
    const { tabA, tabB, syncA, syncB } = twoTabs();
    const one = await tabA.create({ from: smallFlow() });
    const other = await tabA.create({ from: smallFlow() });
    let known = 1;
    const inB: ExternalChange[] = [];
    const inA: ExternalChange[] = [];
    syncB.watchFlow(
      one.summary.id,
      () => known,
      (c) => inB.push(c),
    );
    syncA.watchFlow(
      one.summary.id,
      () => 99,
      (c) => inA.push(c),
    );
    const saved = await tabB.saveDraft(one.summary.id, smallFlow("B"), 1);
    if (saved.ok) known = saved.revision;
    await tabA.saveDraft(other.summary.id, smallFlow("other"), 1);
    await tabA.trash(one.summary.id);
    await vi.waitFor(() => expect(inB).toEqual([{ kind: "trashed", flowId: one.summary.id }]));
    expect(inA).toEqual([]);
  });

  it("hands every library change of other tabs to a home screen and drops malformed messages", async () => {
    const channelName = `leadwire-test-${Math.random()}`;
    const { tabA, syncB } = twoTabs(channelName);
    const seen: [LibraryEvent, string][] = [];
    syncB.subscribe((event, from) => seen.push([event, from]));
    const stranger = new BroadcastChannel(channelName);
    stranger.postMessage({ tab: "X", event: { kind: "draft", flowId: 3 } });
    stranger.postMessage("hello");
    stranger.close();
    const { summary } = await tabA.create({ name: "new" });
    await tabA.publish(summary.id, { note: "", author: "" }).catch(() => undefined);
    await vi.waitFor(() => expect(seen.map(([e]) => e.kind)).toContain("created"));
    expect(seen.every(([, from]) => from === "A")).toBe(true);
  });

  it("checkFlow finds a change a sleeping tab missed: newer revision, trashed, deleted", async () => {
    const lib = openLibrary(freshDbName());
    const { summary } = await lib.create({ from: smallFlow() });
    expect(await checkFlow(lib, summary.id, 1)).toBeNull();
    await lib.saveDraft(summary.id, smallFlow("x"), 1);
    expect(await checkFlow(lib, summary.id, 1)).toEqual({ kind: "draft", flowId: summary.id, revision: 2 });
    await lib.trash(summary.id);
    expect(await checkFlow(lib, summary.id, 2)).toEqual({ kind: "trashed", flowId: summary.id });
    await lib.deleteForever(summary.id);
    expect(await checkFlow(lib, summary.id, 2)).toEqual({ kind: "deleted", flowId: summary.id });
  });

  it("works silently without a BroadcastChannel", () => {
    const sync = new TabSync({ channel: null });
    expect(() => sync.announce({ kind: "trashed", flowId: "f" })).not.toThrow();
    sync.close();
  });

  it("keeps the home screen's list live when another connection (tab) adds a flow", async () => {
    const dbName = freshDbName();
    const tabA = openLibrary(dbName);
    const tabB = openLibrary(dbName);
    await tabA.create({ name: "first" });
    const lists: string[][] = [];
    const subscription = liveFlowList(tabA).subscribe((rows) => lists.push(rows.map((r) => r.name)));
    await vi.waitFor(() => expect(lists.at(-1)).toEqual(["first"]));
    await tabB.create({ name: "second" });
    await vi.waitFor(() => expect(lists.at(-1)?.sort()).toEqual(["first", "second"]));
    subscription.unsubscribe();
  });
});
