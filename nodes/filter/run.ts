// The filter's executor: `pass` when the condition group holds, `fail` otherwise, naming the rule that decided.
import { compileGroup } from "../../src/engine/conditions/compile";
import { ruleFields, seenValues } from "../../src/engine/conditions/lead-values";
import type { NodeOf } from "../../src/engine/document/schema";
import type { CompileContext, NodeExecutor } from "../../src/engine/node-spec";
import { nodeName } from "../../src/engine/node-name";
import { LineCache, traceLines } from "../../src/engine/trace";

export function compileFilter(node: NodeOf<"filter">, ctx: CompileContext): NodeExecutor {
  const group = compileGroup(node.config.conditions, ctx.fields);
  const name = nodeName(node);
  const failCode = node.config.conditions.op === "any" ? "filter.fail_none" : "filter.fail";
  // The lead values the why quotes: the deciding rule's fields, or the whole group's when every rule agreed.
  const allFields = ruleFields(node.config.conditions);
  const labels = ctx.fields.labels;
  return {
    bind(_state, _peers, { lang }) {
      const makeLine = traceLines(lang);
      // One line per rule, result and the lead's values, shared by every lead that reads the same (up to the cache's bound).
      const passed = new LineCache<string>();
      const failed = new LineCache<string>();
      const ruleIds = new Map<unknown, number>();
      return {
        step(lead) {
          if (!lead.trace) return group.test(lead.data, lead.time) ? "pass" : "fail";
          const why = group.explain(lead.data, lead.time);
          const rule = why.decidedBy ?? (why.result ? group.text : group.rulesText);
          const seen = seenValues(lead.data, why.decidedRule ? ruleFields(why.decidedRule) : allFields, labels);
          let ruleId = ruleIds.get(rule);
          if (ruleId === undefined) ruleIds.set(rule, (ruleId = ruleIds.size));
          const lines = why.result ? passed : failed;
          const code = why.result ? "filter.pass" : failCode;
          lead.noteLine(
            lines.get(`${ruleId}\u0000${seen?.key ?? ""}`, () =>
              seen
                ? makeLine(node.id, `${code}_seen`, { node: name, rule, value: seen.text })
                : makeLine(node.id, code, { node: name, rule }),
            ),
          );
          return why.result ? "pass" : "fail";
        },
      };
    },
  };
}
