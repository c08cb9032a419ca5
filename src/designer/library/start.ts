// Start-up: move a flow left by the old localStorage designer into the library, purge the trash, pick the flow to open.
import type { FlowLibrary } from "../../storage";
import { CURRENT_FLOW_KEY, readLegacyFlow } from "../persistence";

export const LAST_FLOW_SETTING = "lastFlow";

/** A flow saved by the localStorage designer becomes a library flow (same id when free); the old key goes only once it is stored. */
export async function migrateLegacyFlow(library: FlowLibrary, storage: Storage | null): Promise<string | null> {
  const flow = storage ? readLegacyFlow(storage) : null;
  if (!flow) return null;
  const draft = await library.create({ from: flow, preferId: flow.id });
  await library.setSetting(LAST_FLOW_SETTING, draft.summary.id);
  storage?.removeItem(CURRENT_FLOW_KEY);
  return draft.summary.id;
}

/** The flow an empty URL opens: the last one this browser had open, if it still exists; null sends a first visit home. */
export async function startFlowId(library: FlowLibrary): Promise<string | null> {
  const last = await library.getSetting(LAST_FLOW_SETTING);
  if (typeof last === "string") {
    const summary = await library.summary(last);
    if (summary && summary.deletedAt === undefined) return last;
  }
  return null;
}
