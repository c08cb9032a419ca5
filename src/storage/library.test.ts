import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { DAY, freshDbName, openLibrary, smallFlow, testClock } from "./testing";

describe("flow library: create, list, search", () => {
  it("creates an empty untitled flow in the user's language, as a draft at revision 1", async () => {
    const lib = openLibrary(freshDbName(), { lang: "zh-CN" });
    const { doc, revision, summary } = await lib.create();
    expect(revision).toBe(1);
    expect(doc.name).toBe("未命名流程");
    expect(doc.id).toBe(summary.id);
    expect(summary).toMatchObject({ status: "draft", nodeCount: 0, unpublishedChanges: false });
    expect(summary.deletedAt).toBeUndefined();
    expect((await lib.getDraft(summary.id))?.doc).toEqual(doc);
  });

  it("creates from a template document: a copy with a new id, the source untouched", async () => {
    const lib = openLibrary(freshDbName());
    const template = smallFlow();
    const { doc, summary } = await lib.create({ from: template, name: "Mine" });
    expect(doc.id).not.toBe("f_emea");
    expect(doc).toEqual({ ...template, id: doc.id, name: "Mine" });
    expect(summary.nodeCount).toBe(2);
    doc.nodes.pop();
    expect(template.nodes).toHaveLength(2);
  });

  it("keeps a preferred id when it is free and makes a new one when it is taken", async () => {
    const lib = openLibrary(freshDbName());
    const first = await lib.create({ from: smallFlow(), preferId: "f_emea" });
    const second = await lib.create({ from: smallFlow(), preferId: "f_emea" });
    expect(first.doc.id).toBe("f_emea");
    expect(second.doc.id).not.toBe("f_emea");
  });

  it("lists live flows newest first and searches names anywhere, ignoring case and width", async () => {
    const clock = testClock();
    const lib = openLibrary(freshDbName(), { now: clock.now });
    await lib.create({ name: "EMEA round robin" });
    clock.advance(1000);
    await lib.create({ name: "华东 CRM 分配" });
    clock.advance(1000);
    const gone = await lib.create({ name: "Old robin" });
    await lib.trash(gone.summary.id);
    expect((await lib.list()).map((f) => f.name)).toEqual(["华东 CRM 分配", "EMEA round robin"]);
    expect((await lib.list("ROBIN")).map((f) => f.name)).toEqual(["EMEA round robin"]);
    expect((await lib.list("ｃｒｍ")).map((f) => f.name)).toEqual(["华东 CRM 分配"]);
    expect(await lib.list("nothing like it")).toEqual([]);
  });

  it("renames a flow: list, draft and revision change", async () => {
    const lib = openLibrary(freshDbName());
    const { summary } = await lib.create({ from: smallFlow() });
    const renamed = await lib.rename(summary.id, "APAC");
    expect(renamed).toMatchObject({ name: "APAC", revision: 2 });
    expect((await lib.getDraft(summary.id))?.doc.name).toBe("APAC");
    expect(await lib.rename("f_nope", "x")).toBeNull();
  });

  it("duplicates the draft (not the versions) under a new id and a localised copy name", async () => {
    const lib = openLibrary(freshDbName(), { lang: "zh-CN" });
    const { summary } = await lib.create({ from: smallFlow("轮询") });
    await lib.publish(summary.id, { note: "v1", author: "Ann" });
    const copy = await lib.duplicate(summary.id);
    expect(copy?.doc.name).toBe("轮询（副本）");
    expect(copy?.doc.id).not.toBe(summary.id);
    expect(copy?.doc.nodes).toEqual(smallFlow().nodes);
    expect(copy?.summary.status).toBe("draft");
    expect(await lib.listVersions(copy?.summary.id ?? "")).toEqual([]);
  });

  it("stores settings", async () => {
    const lib = openLibrary(freshDbName());
    expect(await lib.getSetting("author")).toBeUndefined();
    await lib.setSetting("author", "Ann");
    expect(await lib.getSetting("author")).toBe("Ann");
  });
});

describe("flow library: trash", () => {
  it("moves a flow to the trash and restores it", async () => {
    const clock = testClock();
    const lib = openLibrary(freshDbName(), { now: clock.now });
    const { summary } = await lib.create({ name: "A" });
    const trashed = await lib.trash(summary.id);
    expect(trashed?.deletedAt).toBe(clock.now());
    expect(trashed?.purgeAt).toBe(clock.now() + 30 * DAY);
    expect(await lib.list()).toEqual([]);
    expect((await lib.listTrash()).map((f) => f.id)).toEqual([summary.id]);
    const restored = await lib.restore(summary.id);
    expect(restored?.deletedAt).toBeUndefined();
    expect((await lib.list()).map((f) => f.id)).toEqual([summary.id]);
    expect(await lib.listTrash()).toEqual([]);
  });

  it("purges trash entries 30 days old or more, with their versions, and keeps younger ones and live flows", async () => {
    const clock = testClock();
    const lib = openLibrary(freshDbName(), { now: clock.now });
    const old = await lib.create({ from: smallFlow("old") });
    const young = await lib.create({ name: "young" });
    const live = await lib.create({ name: "live" });
    await lib.publish(old.summary.id, { note: "", author: "" });
    await lib.trash(old.summary.id);
    clock.advance(10 * DAY);
    await lib.trash(young.summary.id);
    clock.advance(20 * DAY - 1);
    expect(await lib.purgeTrash()).toEqual([]);
    clock.advance(1);
    expect(await lib.purgeTrash()).toEqual([old.summary.id]);
    expect(await lib.getDraft(old.summary.id)).toBeNull();
    expect(await lib.db.versions.where("flowId").equals(old.summary.id).count()).toBe(0);
    expect((await lib.listTrash()).map((f) => f.id)).toEqual([young.summary.id]);
    expect((await lib.list()).map((f) => f.id)).toEqual([live.summary.id]);
  });

  it("deletes forever only from the trash", async () => {
    const lib = openLibrary(freshDbName());
    const { summary } = await lib.create();
    expect(await lib.deleteForever(summary.id)).toBe(false);
    await lib.trash(summary.id);
    expect(await lib.deleteForever(summary.id)).toBe(true);
    expect(await lib.getDraft(summary.id)).toBeNull();
  });
});

describe("flow library: drafts with optimistic concurrency", () => {
  it("saves at the expected revision and bumps it; the library owns the id", async () => {
    const lib = openLibrary(freshDbName());
    const { summary } = await lib.create({ from: smallFlow() });
    const edited = { ...smallFlow("Edited"), id: "something-else" };
    expect(await lib.saveDraft(summary.id, edited, 1)).toEqual({ ok: true, revision: 2 });
    const draft = await lib.getDraft(summary.id);
    expect(draft?.doc).toEqual({ ...edited, id: summary.id });
    expect(draft?.summary).toMatchObject({ name: "Edited", revision: 2 });
  });

  it("refuses a save from a stale revision and returns what is stored (two tabs on one database)", async () => {
    const name = freshDbName();
    const tabA = openLibrary(name);
    const tabB = openLibrary(name);
    const { summary } = await tabA.create({ from: smallFlow() });
    const opened = await tabB.getDraft(summary.id);
    expect(opened?.revision).toBe(1);
    expect(await tabA.saveDraft(summary.id, smallFlow("A's edit"), 1)).toEqual({ ok: true, revision: 2 });
    const fromB = await tabB.saveDraft(summary.id, smallFlow("B's edit"), 1);
    expect(fromB.ok).toBe(false);
    if (fromB.ok) return;
    expect(fromB.conflict.reason).toBe("changed");
    expect(fromB.conflict.theirRevision).toBe(2);
    expect(fromB.conflict.theirs?.name).toBe("A's edit");
    expect((await tabA.getDraft(summary.id))?.doc.name).toBe("A's edit");
  });

  it("refuses to save into a trashed or deleted flow", async () => {
    const lib = openLibrary(freshDbName());
    const { summary } = await lib.create({ from: smallFlow() });
    await lib.trash(summary.id);
    const trashed = await lib.saveDraft(summary.id, smallFlow("x"), 1);
    expect(trashed.ok ? null : trashed.conflict.reason).toBe("trashed");
    await lib.deleteForever(summary.id);
    const missing = await lib.saveDraft(summary.id, smallFlow("x"), 1);
    expect(missing.ok ? null : missing.conflict).toEqual({ reason: "missing", theirs: null, theirRevision: 0 });
  });

  it("announces every committed change", async () => {
    const events: unknown[] = [];
    const lib = openLibrary(freshDbName(), { onChange: (e) => events.push(e), newId: () => "f_1" });
    await lib.create();
    await lib.saveDraft("f_1", smallFlow(), 1);
    await lib.saveDraft("f_1", smallFlow(), 1); // conflict: not announced
    await lib.trash("f_1");
    await lib.restore("f_1");
    expect(events).toEqual([
      { kind: "created", flowId: "f_1", revision: 1 },
      { kind: "draft", flowId: "f_1", revision: 2 },
      { kind: "trashed", flowId: "f_1" },
      { kind: "restored", flowId: "f_1" },
    ]);
  });
});
