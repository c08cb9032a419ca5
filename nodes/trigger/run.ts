// The trigger's executor: accepts a lead when its source is listed (or none are) and its `when` condition holds.
import { compileGroup } from "../../src/engine/conditions/compile";
import { normText, readField } from "../../src/engine/conditions/values";
import type { NodeOf } from "../../src/engine/document/schema";
import type { CompileContext, NodeExecutor } from "../../src/engine/node-spec";
import { nodeName } from "../../src/engine/node-name";
import { traceLines } from "../../src/engine/trace";

export function compileTrigger(node: NodeOf<"trigger">, ctx: CompileContext): NodeExecutor {
  const listed = (node.config.sources ?? []).filter((s) => s.trim() !== "");
  const sources = new Set(listed.map(normText));
  const when = node.config.when ? compileGroup(node.config.when, ctx.fields) : null;
  const name = nodeName(node);
  return {
    bind(_state, _peers, { lang }) {
      const entered = traceLines(lang)(node.id, "trigger.entered", { node: name });
      return {
        step(lead) {
          if (sources.size > 0) {
            const source = readField(lead.data, "source");
            if (source === null || source === undefined || !sources.has(normText(source))) {
              if (lead.trace)
                lead.note(node.id, "trigger.wrong_source", {
                  node: name,
                  source: source == null ? "—" : String(source),
                  sources: listed.join(", "),
                });
              return null;
            }
          }
          if (when) {
            if (!lead.trace) {
              if (!when.test(lead.data, lead.time)) return null;
            } else {
              const why = when.explain(lead.data, lead.time);
              if (!why.result) {
                if (lead.trace) lead.note(node.id, "trigger.condition_failed", { node: name, rule: why.decidedBy ?? when.text });
                return null;
              }
            }
          }
          if (lead.trace) lead.noteLine(entered);
          return "out";
        },
      };
    },
  };
}
