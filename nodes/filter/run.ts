// The filter's executor: `pass` when the condition group holds, `fail` otherwise, naming the rule that decided.
import { compileGroup } from "../../src/engine/conditions/compile";
import type { NodeOf } from "../../src/engine/document/schema";
import type { CompileContext, NodeExecutor } from "../../src/engine/node-spec";
import { nodeName } from "../../src/engine/node-name";

export function compileFilter(node: NodeOf<"filter">, ctx: CompileContext): NodeExecutor {
  const group = compileGroup(node.config.conditions, ctx.fields);
  const name = nodeName(node);
  const failCode = node.config.conditions.op === "any" ? "filter.fail_none" : "filter.fail";
  return {
    bind: () => ({
      step(lead) {
        if (!lead.trace) return group.test(lead.data, lead.time) ? "pass" : "fail";
        const why = group.explain(lead.data, lead.time);
        const rule = why.decidedBy ?? (why.result ? group.text : group.rulesText);
        lead.note(node.id, why.result ? "filter.pass" : failCode, { node: name, rule });
        return why.result ? "pass" : "fail";
      },
    }),
  };
}
