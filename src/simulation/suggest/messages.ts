// Texts of score and weight suggestions (leak reasons, rule labels, notes, the dialog) in English and 简体中文.
import { defineMessages, makeTranslator, type Lang, type MessageParams } from "../../engine";

const en = {
  "rule.per": "Every {unit} of {field}",
  "leak.separator": "Gives the outcome away: on its own it separates sales from the rest almost perfectly (AUC {auc}).",
  "leak.extreme_value":
    "“{value}” is a sale for {rate} of its {leads} leads: a value like that is usually written once the outcome is known.",
  "leak.after_contact": "Its name (“{word}”) suggests sales fill it in after talking to the lead, so a new lead would not have it yet.",
  "leak.identifier": "Different for almost every lead ({distinct} values): it names the lead, it says nothing about it.",
  "weights.too_few": "Only {leads} leads with a known outcome: too few to trust this rate.",
  "weights.no_leads": "No leads with a known outcome.",
  "ui.suggest": "Suggest from outcomes",
  "ui.suggestHint": "Load leads with a known outcome in Leads & Run and choose the outcome column first.",
  "ui.title": "Suggested score from {leads} leads (outcome: {outcome})",
  "ui.working": "Fitting the score on {leads} leads…",
  "ui.failed": "The suggestion failed: {detail}",
  "ui.aucSuggested": "Suggested rules",
  "ui.aucCurrent": "Current rules",
  "ui.aucHelp":
    "How well each score ranks sales above the rest, checked 5 times on leads it did not learn from (AUC: 0.5 is guessing, 1 is perfect).",
  "ui.noCurrent": "no rules yet",
  "ui.rules": "Rules ({count})",
  "ui.points": "Points",
  "ui.rule": "Rule",
  "ui.bands": "Grades",
  "ui.band": "{name} from {min} points",
  "ui.bandRest": "{name} every lower score",
  "ui.bandShare": "{converted} of {leads} converted ({rate})",
  "ui.atMost": "at most {max}",
  "ui.columns": "Columns the suggestion may use",
  "ui.otherColumns": "Other columns ({count})",
  "ui.aucOf": "{auc} AUC",
  "ui.columnsHelp":
    "Flagged columns are left out; switch one on if you know it is filled in before the lead is worked, or off to leave it out.",
  "ui.use": "Use {column}",
  "ui.flagged": "Left out",
  "ui.inRules": "in the rules",
  "ui.again": "Suggest again",
  "ui.accept": "Replace the rules with these",
  "ui.acceptNote": "Replaces this node's rules and grades in one step; Undo brings the old ones back.",
  "ui.addsFields": "Also adds the fields: {fields}.",
  "ui.cancel": "Cancel",
  "ui.weights": "Suggest weights",
  "ui.weightsTitle": "Performance from the latest run's outcomes",
  "ui.weightsHint": "Run the flow on leads with a known outcome first.",
  "ui.member": "Member",
  "ui.rate": "Conversion",
  "ui.counts": "{converted} of {leads}",
  "ui.performance": "Suggested performance",
  "ui.applyWeights": "Set these performances",
  "ui.weightsNote": "Sets each member's performance to their conversion rate (0.42 = 42 %); members with too few leads keep theirs.",
} as const;

export type SuggestCode = keyof typeof en;

const zhCN: Record<SuggestCode, string> = {
  "rule.per": "{field} 每 {unit}",
  "leak.separator": "泄露结果：单凭这一列就几乎能把成交与未成交完全分开（AUC {auc}）。",
  "leak.extreme_value": "“{value}”的 {leads} 条线索中成交占 {rate}：这种值通常是在结果已知后才填写的。",
  "leak.after_contact": "列名（“{word}”）表明销售在跟进线索后才填写它，新线索还不会有这个值。",
  "leak.identifier": "几乎每条线索都不同（{distinct} 个值）：它只是线索的编号，不说明线索本身。",
  "weights.too_few": "只有 {leads} 条线索有已知结果：数量太少，这个比率不可信。",
  "weights.no_leads": "没有已知结果的线索。",
  "ui.suggest": "根据结果建议评分",
  "ui.suggestHint": "请先在“线索与运行”中载入有已知结果的线索，并选择结果列。",
  "ui.title": "根据 {leads} 条线索建议的评分（结果列：{outcome}）",
  "ui.working": "正在用 {leads} 条线索拟合评分……",
  "ui.failed": "建议失败：{detail}",
  "ui.aucSuggested": "建议的规则",
  "ui.aucCurrent": "当前的规则",
  "ui.aucHelp": "每个评分把成交线索排在其余线索前面的能力，在未参与学习的线索上检验 5 次（AUC：0.5 等于瞎猜，1 为完美）。",
  "ui.noCurrent": "尚无规则",
  "ui.rules": "规则（{count} 条）",
  "ui.points": "分数",
  "ui.rule": "规则",
  "ui.bands": "等级",
  "ui.band": "{name}：{min} 分及以上",
  "ui.bandRest": "{name}：其余更低的分数",
  "ui.bandShare": "{leads} 条中成交 {converted} 条（{rate}）",
  "ui.atMost": "最多 {max}",
  "ui.columns": "建议可以使用的列",
  "ui.otherColumns": "其他列（{count}）",
  "ui.aucOf": "AUC {auc}",
  "ui.columnsHelp": "被标记的列默认不用；如果你知道某列在跟进线索之前就已填写，可以打开它，也可以关闭任何一列。",
  "ui.use": "使用 {column}",
  "ui.flagged": "已排除",
  "ui.inRules": "已用于规则",
  "ui.again": "重新建议",
  "ui.accept": "用这些规则替换",
  "ui.acceptNote": "一步替换此节点的规则和等级；撤销即可恢复原来的规则。",
  "ui.addsFields": "同时添加字段：{fields}。",
  "ui.cancel": "取消",
  "ui.weights": "建议权重",
  "ui.weightsTitle": "根据最近一次运行的结果计算的业绩",
  "ui.weightsHint": "请先用有已知结果的线索运行流程。",
  "ui.member": "成员",
  "ui.rate": "转化率",
  "ui.counts": "{leads} 条中成交 {converted} 条",
  "ui.performance": "建议的业绩",
  "ui.applyWeights": "设置这些业绩",
  "ui.weightsNote": "把每位成员的业绩设为其转化率（0.42 即 42%）；线索太少的成员保持原值。",
};

export const suggestMessages = defineMessages(en, zhCN);
const translate = makeTranslator([suggestMessages]);

export function suggestText(code: SuggestCode, params: MessageParams, lang: Lang): string {
  return translate(code, params, lang);
}

/** A share as a percentage a manager reads ("97 %" / "97%"). */
export function percent(rate: number, lang: Lang): string {
  const p = Math.round(rate * 1000) / 10;
  return lang === "zh-CN" ? `${p}%` : `${p} %`;
}
