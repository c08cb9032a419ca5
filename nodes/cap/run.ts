// The cap's executor: counts leads per window (per owner or for the path); over the limit a lead leaves by `overflow`.
import type { NodeOf } from "../../src/engine/document/schema";
import { localText } from "../../src/engine/i18n";
import type { CompileContext, NodeExecutor } from "../../src/engine/node-spec";
import { nodeName } from "../../src/engine/node-name";
import { bump, countIn, nodeState, own, type WindowCount } from "../../src/engine/state";

/** State of one cap node: a count per owner id (or "*" for a path-scoped cap) in its current window. */
type CapState = { counts: Record<string, WindowCount> };

const PATH_KEY = "*";

export function compileCap(node: NodeOf<"cap">, ctx: CompileContext): NodeExecutor {
  const { limit, window, scope } = node.config;
  const name = nodeName(node);
  const windowText = localText(`window.${window}`);
  return {
    bind(state) {
      const counts = nodeState<CapState>(state, node.id, () => ({ counts: {} })).counts;
      const countFor = (key: string, time: number) => countIn(own(counts, key), ctx.clock.windowKey(time, window));
      return {
        ownerLimit: scope === "owner" ? (ownerId, time) => ({ count: countFor(ownerId, time), limit }) : undefined,
        step(lead) {
          const owner = lead.owner;
          if (scope === "owner" && !owner) {
            if (lead.trace) lead.note(node.id, "cap.no_owner", { node: name });
            return "overflow";
          }
          const key = scope === "owner" && owner ? owner.id : PATH_KEY;
          const windowKey = ctx.clock.windowKey(lead.time, window);
          const count = countIn(own(counts, key), windowKey);
          const who = owner ? { owner: owner.name } : {};
          if (count < limit) {
            counts[key] = bump(own(counts, key), windowKey, 1);
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
          if (scope === "owner") lead.unassign();
          return "overflow";
        },
      };
    },
  };
}
