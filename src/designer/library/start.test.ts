// Start-up: the old localStorage flow moves into the library once; an empty URL reopens the last flow, else the home screen.
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { freshDbName, openLibrary, smallFlow } from "../../storage/testing";
import { createDesignerStore } from "../store/store";
import { restoreIntoDraft } from "../versions/restore";
import { CURRENT_FLOW_KEY } from "../persistence";
import { LAST_FLOW_SETTING, migrateLegacyFlow, startFlowId } from "./start";

function memoryStorage(entries: Record<string, string>): Storage {
  const data = new Map(Object.entries(entries));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

describe("start-up", () => {
  it("migrates the localStorage flow into the library (same id, viewport kept) and removes the old key", async () => {
    const library = openLibrary(freshDbName());
    const legacy = { ...smallFlow(), ui: { viewport: { x: 5, y: 6, zoom: 0.8 } } };
    const storage = memoryStorage({ [CURRENT_FLOW_KEY]: JSON.stringify(legacy) });
    const id = await migrateLegacyFlow(library, storage);
    expect(id).toBe("f_emea");
    expect((await library.getDraft("f_emea"))?.doc).toEqual(legacy);
    expect(storage.getItem(CURRENT_FLOW_KEY)).toBeNull();
    expect(await library.getSetting(LAST_FLOW_SETTING)).toBe("f_emea");
    expect(await migrateLegacyFlow(library, storage)).toBeNull();
    expect(await startFlowId(library)).toBe("f_emea");
  });

  it("sends a first visit, and a browser whose last flow is gone, to the home screen without making a flow", async () => {
    const library = openLibrary(freshDbName());
    expect(await startFlowId(library)).toBeNull();
    const first = (await library.create()).summary.id;
    await library.setSetting(LAST_FLOW_SETTING, first);
    expect(await startFlowId(library)).toBe(first);
    await library.trash(first);
    expect(await startFlowId(library)).toBeNull();
    expect(await library.list()).toEqual([]);
  });

  it("restores a version into the draft as one undoable change, keeping the viewport", () => {
    const draft = { ...smallFlow("Mine"), ui: { viewport: { x: 1, y: 1, zoom: 1 } }, extra: 1 };
    const store = createDesignerStore(draft);
    restoreIntoDraft(store, { ...smallFlow("Published"), nodes: [] }, 1);
    expect(store.getState().flow).toMatchObject({ name: "Published", nodes: [], ui: { viewport: { x: 1, y: 1, zoom: 1 } } });
    expect("extra" in store.getState().flow).toBe(false);
    store.getState().undo();
    expect(store.getState().flow).toEqual(draft);
    expect(store.getState().canUndo).toBe(false);
  });
});
