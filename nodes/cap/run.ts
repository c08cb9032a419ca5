// The cap's executor: counts leads per window (per owner or for the path); over the limit a lead leaves by `overflow`.
import type { NodeOf } from "../../src/engine/document/schema";
import { localText } from "../../src/engine/i18n";
import type { CompileContext, NodeExecutor } from "../../src/engine/node-spec";
import { nodeName } from "../../src/engine/node-name";
import { nodeState, own } from "../../src/engine/state";
import { startTally, Tally, type WindowCount } from "../../src/engine/tally";

/** State of one cap node: a count per owner id (or "*" for a path-scoped cap) in its current window. */
type CapState = { counts: Record<string, WindowCount> };

const PATH_KEY = "*";

/** One owner's (or the path's) count for the run: read from the JSON on first use, written back when the run ends. */
class CapEntry {
  changed = false;
  constructor(public tally: Tally | null) {}
}

export function compileCap(node: NodeOf<"cap">, ctx: CompileContext): NodeExecutor {
  const { limit, window, scope } = node.config;
  const name = nodeName(node);
  const windowText = localText(`window.${window}`);
  return {
    bind(state) {
      const counts = nodeState<CapState>(state, node.id, () => ({ counts: {} })).counts;
      // Keyed by owner id in a Map for the run, never in the JSON map (see MemberBook in src/engine/member-book.ts for why).
      const entries = new Map<string, CapEntry>();
      const changed: string[] = [];
      const entryOf = (key: string): CapEntry => {
        let entry = entries.get(key);
        if (!entry) entries.set(key, (entry = new CapEntry(Tally.from(own(counts, key)))));
        return entry;
      };
      const countIn = (entry: CapEntry, windowKey: string) => (entry.tally ? entry.tally.count(windowKey) : 0);
      return {
        ownerLimit:
          scope === "owner"
            ? (ownerId, time) => {
                const windowKey = ctx.clock.windowKey(time, window);
                return { count: countIn(entryOf(ownerId), windowKey), limit, window: windowKey };
              }
            : undefined,
        step(lead) {
          const owner = lead.owner;
          if (scope === "owner" && !owner) {
            if (lead.trace) lead.note(node.id, "cap.no_owner", { node: name });
            return "overflow";
          }
          const key = scope === "owner" && owner ? owner.id : PATH_KEY;
          const windowKey = ctx.clock.windowKey(lead.time, window);
          const entry = entryOf(key);
          const count = countIn(entry, windowKey);
          const who = owner ? { owner: owner.name } : {};
          if (count < limit) {
            if (entry.tally) entry.tally.add(windowKey, 1);
            else entry.tally = startTally(windowKey, 1);
            if (!entry.changed) {
              entry.changed = true;
              changed.push(key);
            }
            if (lead.trace)
              lead.note(node.id, scope === "owner" ? "cap.ok_owner" : "cap.ok", {
                node: name,
                count: count + 1,
                limit,
                window: windowText,
                ...who,
              });
            return "ok";
          }
          if (lead.trace)
            lead.note(node.id, scope === "owner" ? "cap.overflow_owner" : "cap.overflow", {
              node: name,
              limit,
              window: windowText,
              ...who,
            });
          if (scope === "owner") lead.undoAssignment();
          return "overflow";
        },
        finish() {
          for (const key of changed) counts[key] = ((entries.get(key) as CapEntry).tally as Tally).save(own(counts, key));
        },
      };
    },
  };
}
