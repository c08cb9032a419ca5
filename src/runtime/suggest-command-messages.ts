// Texts `leadwire suggest-score` prints, in English and 简体中文.
import { defineMessages } from "../engine";

export const suggestCommandMessages = defineMessages(
  {
    "cli.suggest.need_outcome": "Name the column holding the known outcome: --outcome Converted",
    "cli.suggest.no_such_outcome": 'No column "{outcome}" in the leads. Columns: {columns}',
    "cli.suggest.one_class": 'The column "{outcome}" needs leads that converted and leads that did not.',
    "cli.suggest.title": 'Suggested score from {leads} leads ({converted} converted, outcome "{outcome}")',
    "cli.suggest.unknown_outcome": "{count} leads without a known outcome were left out.",
    "cli.suggest.auc": "AUC on held-out leads ({folds}-fold, scored by the engine): suggested {suggested} · current {current}",
    "cli.suggest.no_auc": "—",
    "cli.suggest.rules": "Rules ({count}):",
    "cli.suggest.at_most": "(at most {max})",
    "cli.suggest.grades": "Grades: {list}",
    "cli.suggest.band": "{name} from {min}",
    "cli.suggest.band_rest": "{name} the rest",
    "cli.suggest.flagged": "Left out, may give the outcome away ({count}):",
    "cli.suggest.used_anyway": "(used anyway)",
  },
  {
    "cli.suggest.need_outcome": "请指明保存已知结果的列：--outcome Converted",
    "cli.suggest.no_such_outcome": "线索中没有“{outcome}”列。现有列：{columns}",
    "cli.suggest.one_class": "“{outcome}”列中需要既有成交也有未成交的线索。",
    "cli.suggest.title": "根据 {leads} 条线索建议的评分（成交 {converted} 条，结果列“{outcome}”）",
    "cli.suggest.unknown_outcome": "{count} 条没有已知结果的线索未参与。",
    "cli.suggest.auc": "在未参与学习的线索上的 AUC（{folds} 折，由引擎评分）：建议 {suggested} · 当前 {current}",
    "cli.suggest.no_auc": "—",
    "cli.suggest.rules": "规则（{count} 条）：",
    "cli.suggest.at_most": "（最多 {max}）",
    "cli.suggest.grades": "等级：{list}",
    "cli.suggest.band": "{name}：{min} 分及以上",
    "cli.suggest.band_rest": "{name}：其余",
    "cli.suggest.flagged": "已排除，可能泄露结果（{count} 列）：",
    "cli.suggest.used_anyway": "（仍被使用）",
  },
);
