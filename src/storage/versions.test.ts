import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { freshDbName, openLibrary, smallFlow, testClock } from "./testing";

async function libraryWithFlow(lang: "en" | "zh-CN" = "en") {
  const clock = testClock();
  const lib = openLibrary(freshDbName(), { now: clock.now, lang });
  const { summary } = await lib.create({ from: smallFlow() });
  return { lib, clock, id: summary.id };
}

describe("versions: publish, list, open, restore", () => {
  it("publish freezes the draft with note, author and date; later edits do not change it", async () => {
    const { lib, clock, id } = await libraryWithFlow();
    const result = await lib.publish(id, { note: "First go-live", author: "Ann" });
    expect(result).toEqual({
      ok: true,
      version: { flowId: id, version: 1, note: "First go-live", author: "Ann", createdAt: clock.now(), nodeCount: 2, draftRevision: 1 },
    });
    expect(await lib.summary(id)).toMatchObject({ status: "published", latestVersion: 1, unpublishedChanges: false });
    await lib.saveDraft(id, smallFlow("Changed"), 1);
    expect(await lib.summary(id)).toMatchObject({ status: "published", unpublishedChanges: true });
    expect((await lib.getVersion(id, 1))?.doc.name).toBe("EMEA round robin");
  });

  it("lists versions newest first without documents, numbered per flow", async () => {
    const { lib, clock, id } = await libraryWithFlow();
    const other = await lib.create({ from: smallFlow() });
    await lib.publish(id, { note: "one", author: "Ann" });
    clock.advance(60_000);
    await lib.saveDraft(id, smallFlow("Two"), 1);
    await lib.publish(id, { note: "two", author: "Bob" });
    await lib.publish(other.summary.id, { note: "other", author: "Cy" });
    const versions = await lib.listVersions(id);
    expect(versions.map((v) => [v.version, v.note, v.author, v.draftRevision])).toEqual([
      [2, "two", "Bob", 2],
      [1, "one", "Ann", 1],
    ]);
    expect(versions[0]).not.toHaveProperty("doc");
    expect((await lib.listVersions(other.summary.id)).map((v) => v.version)).toEqual([1]);
    expect(await lib.getVersion(id, 3)).toBeNull();
  });

  it("restoreVersion returns the version's document for the draft and writes nothing itself", async () => {
    const { lib, id } = await libraryWithFlow();
    await lib.publish(id, { note: "", author: "" });
    await lib.saveDraft(id, smallFlow("Later"), 1);
    const doc = await lib.restoreVersion(id, 1);
    expect(doc).toEqual({ ...smallFlow(), id });
    expect((await lib.getDraft(id))?.doc.name).toBe("Later");
    expect(await lib.restoreVersion(id, 9)).toBeNull();
  });

  it("refuses to publish a draft with errors, saying why in the user's language", async () => {
    const { lib, id } = await libraryWithFlow("zh-CN");
    const broken = smallFlow();
    broken.nodes[1] = { id: "r", type: "route", position: { x: 300, y: 0 }, config: { team: "ghost", strategy: "round_robin" } };
    await lib.saveDraft(id, broken, 1);
    const result = await lib.publish(id, { note: "", author: "" });
    expect(result.ok).toBe(false);
    if (result.ok || !("blocked" in result)) throw new Error("expected blocked");
    expect(result.blocked.message).toBe("流程有 1 个错误；请先修正再发布。");
    expect(result.blocked.issues[0]).toMatchObject({ severity: "error", nodeId: "r" });
    expect(await lib.listVersions(id)).toEqual([]);
    expect((await lib.summary(id))?.status).toBe("draft");
  });

  it("refuses to publish a draft that is not a valid document, naming the JSON path", async () => {
    const { lib, id } = await libraryWithFlow();
    const broken = { ...smallFlow(), edges: [{ id: "e1", source: "t" }] } as unknown as ReturnType<typeof smallFlow>;
    await lib.saveDraft(id, broken, 1);
    const result = await lib.publish(id, { note: "", author: "" });
    if (result.ok || !("blocked" in result)) throw new Error("expected blocked");
    expect(result.blocked.issues.map((i) => i.path)).toEqual(["$.edges[0].target"]);
  });

  it("refuses to publish from a stale revision when the caller names one", async () => {
    const { lib, id } = await libraryWithFlow();
    await lib.saveDraft(id, smallFlow("newer"), 1);
    const result = await lib.publish(id, { note: "", author: "", expectedRevision: 1 });
    expect(result.ok ? null : "conflict" in result ? result.conflict.reason : "blocked").toBe("changed");
    expect(await lib.listVersions(id)).toEqual([]);
  });
});
