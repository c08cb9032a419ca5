// The score node's texts in English and 简体中文.
import { defineMessages } from "../../src/engine/i18n/table";
export const scoreMessages = defineMessages(
  {
    "node.score.name": "Score",
    "node.score.description": "Add points for what a lead is and does, then set a grade.",
    "score.rule": "Score {points} {rule}",
    "score.rule_seen": "Score {points} {rule} (this lead: {value})",
    "score.per_rule": "{points} per {unit} {field}",
    "score.always": "always",
    "score.total": "Score {score} from {node}",
    "score.graded": "Score {score}, grade {grade} from {node}",
    "score.bad_band_order": 'Grade bands must go from the highest minimum down; "{band}" has a higher minimum than the band above it.',
    "score.catch_all_not_last": 'The grade band "{band}" has no minimum, so the bands after it can never be reached.',
    "score.unknown_per_field": 'The rule "{rule}" counts the field "{field}", which the flow does not define.',
    "score.per_field_not_number": 'The rule "{rule}" counts the field "{field}", which is not a number.',
  },
  {
    "node.score.name": "评分",
    "node.score.description": "按线索属性和行为加分，然后设置等级。",
    "score.rule": "得分 {points} {rule}",
    "score.rule_seen": "得分 {points} {rule}（此线索：{value}）",
    "score.per_rule": "每 {unit} {field} 得 {points} 分",
    "score.always": "总是",
    "score.total": "{node} 得分 {score}",
    "score.graded": "{node} 得分 {score}，等级 {grade}",
    "score.bad_band_order": "等级区间必须按最低分从高到低排列；“{band}”的最低分高于上一个区间。",
    "score.catch_all_not_last": "等级区间“{band}”没有最低分，其后的区间永远不会被用到。",
    "score.unknown_per_field": "规则“{rule}”按字段“{field}”计分，但流程中没有定义该字段。",
    "score.per_field_not_number": "规则“{rule}”按字段“{field}”计分，但该字段不是数字。",
  },
);
