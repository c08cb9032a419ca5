// The score's executor: base + every rule's points (conditional or per unit, capped), then the first matching grade band.
import { compileGroup, type CompiledGroup } from "../../src/engine/conditions/compile";
import { ruleFields, seenValues } from "../../src/engine/conditions/lead-values";
import { readField, toNumber } from "../../src/engine/conditions/values";
import type { NodeOf } from "../../src/engine/document/schema";
import { localText, type LocalText } from "../../src/engine/i18n";
import type { CompileContext, NodeExecutor } from "../../src/engine/node-spec";
import { nodeName } from "../../src/engine/node-name";
import { LineCache, traceLines } from "../../src/engine/trace";
import type { ScoreRule } from "./schema";

interface CompiledRule {
  readonly when: CompiledGroup | null;
  readonly perField: string | null;
  readonly unit: number;
  readonly points: number;
  readonly max: number;
  readonly label: LocalText;
  /** The fields whose values the why quotes for this rule. */
  readonly seen: readonly string[];
}

/** A per-unit rule's contribution: points × whole units, its size capped at `max` (a negative rule takes away at most `max`). */
export function perUnitPoints(value: unknown, unit: number, points: number, max: number): number {
  const n = toNumber(value);
  if (!Number.isFinite(n)) return 0;
  const raw = points * Math.floor(n / unit);
  const cap = Math.abs(max);
  return raw > cap ? cap : raw < -cap ? -cap : raw;
}

function ruleLabel(rule: ScoreRule, ctx: CompileContext, when: CompiledGroup | null): LocalText {
  if (rule.label?.trim()) return { en: rule.label, "zh-CN": rule.label };
  if (rule.per) {
    const field = ctx.fields.labels.get(rule.per.field) ?? rule.per.field;
    return localText("score.per_rule", { points: rule.points, unit: rule.per.unit ?? 1, field });
  }
  return when ? when.text : localText("score.always");
}

const signed = (n: number) => (n >= 0 ? `+${n}` : String(n));

export function compileScore(node: NodeOf<"score">, ctx: CompileContext): NodeExecutor {
  const config = node.config;
  const field = config.field ?? "score";
  const base = config.base ?? 0;
  const gradeField = config.grades?.field ?? "grade";
  const bands = config.grades?.bands ?? [];
  const name = nodeName(node);
  const rules: CompiledRule[] = config.rules.map((rule) => {
    const when = rule.when ? compileGroup(rule.when, ctx.fields) : null;
    return {
      when,
      perField: rule.per?.field ?? null,
      unit: rule.per?.unit ?? 1,
      points: rule.points,
      max: rule.max ?? Number.POSITIVE_INFINITY,
      label: ruleLabel(rule, ctx, when),
      seen: rule.per ? [rule.per.field] : ruleFields(rule.when),
    };
  });

  // The working copy is needed only when a later node reads lead fields (a copy per lead is the run's largest cost).
  const readLater = ctx.downstream(node.id).some(ctx.readsLeadFields);

  function gradeOf(score: number): string | null {
    for (const band of bands) if (band.min === undefined || score >= band.min) return band.name;
    return null;
  }

  return {
    bind(_state, _peers, { lang }) {
      const makeLine = traceLines(lang);
      // Lines repeat (a rule gives its points or none; scores fall in a small range): made once, shared by every lead.
      const ruleLines = rules.map(() => new LineCache<string>());
      const gradeLines = new LineCache<string>();
      const totalLines = new LineCache<number>();
      return {
        step(lead) {
          let total = base;
          for (let r = 0; r < rules.length; r++) {
            const rule = rules[r] as CompiledRule;
            let points = 0;
            if (!rule.when || rule.when.test(lead.data, lead.time)) {
              points =
                rule.perField === null ? rule.points : perUnitPoints(readField(lead.data, rule.perField), rule.unit, rule.points, rule.max);
            }
            total += points;
            if (lead.trace) {
              const seen = seenValues(lead.data, rule.seen, ctx.fields.labels);
              lead.noteLine(
                (ruleLines[r] as LineCache<string>).get(`${points}\u0000${seen?.key ?? ""}`, () =>
                  seen
                    ? makeLine(node.id, "score.rule_seen", { points: signed(points), rule: rule.label, value: seen.text })
                    : makeLine(node.id, "score.rule", { points: signed(points), rule: rule.label }),
                ),
              );
            }
          }
          lead.score = total;
          if (readLater) lead.write(field, total);
          if (bands.length > 0) {
            const grade = gradeOf(total);
            lead.grade = grade;
            if (readLater) lead.write(gradeField, grade);
            if (lead.trace)
              lead.noteLine(
                gradeLines.get(`${total}\u0000${grade}`, () =>
                  makeLine(node.id, "score.graded", { score: total, grade: grade ?? "—", node: name }),
                ),
              );
          } else if (lead.trace) lead.noteLine(totalLines.get(total, () => makeLine(node.id, "score.total", { score: total, node: name })));
          return "out";
        },
      };
    },
  };
}
