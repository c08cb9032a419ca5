// The filter's executor: `pass` when the condition group holds, `fail` otherwise, naming the rule that decided.
import { compileGroup } from "../../src/engine/conditions/compile";
import type { NodeOf } from "../../src/engine/document/schema";
import type { CompileContext, NodeExecutor } from "../../src/engine/node-spec";
import { nodeName } from "../../src/engine/node-name";
import { LineCache, traceLines } from "../../src/engine/trace";

export function compileFilter(node: NodeOf<"filter">, ctx: CompileContext): NodeExecutor {
  const group = compileGroup(node.config.conditions, ctx.fields);
  const name = nodeName(node);
  const failCode = node.config.conditions.op === "any" ? "filter.fail_none" : "filter.fail";
  return {
    bind(_state, _peers, { lang }) {
      const makeLine = traceLines(lang);
      // The rule that decided is one of the group's own texts: one line per rule and result, shared by every lead.
      const passed = new LineCache<unknown>();
      const failed = new LineCache<unknown>();
      return {
        step(lead) {
          if (!lead.trace) return group.test(lead.data, lead.time) ? "pass" : "fail";
          const why = group.explain(lead.data, lead.time);
          const rule = why.decidedBy ?? (why.result ? group.text : group.rulesText);
          const lines = why.result ? passed : failed;
          lead.noteLine(lines.get(rule, () => makeLine(node.id, why.result ? "filter.pass" : failCode, { node: name, rule })));
          return why.result ? "pass" : "fail";
        },
      };
    },
  };
}
