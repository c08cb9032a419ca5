// The filter node's texts in English and 简体中文.
import { defineMessages } from "../../src/engine/i18n/table";
export const filterMessages = defineMessages(
  {
    "node.filter.name": "Filter",
    "node.filter.description": "Pass or fail a condition; leads leave by pass or fail.",
    "filter.pass": "Passed {node}: {rule}",
    "filter.fail": "Failed {node}: {rule} does not hold",
    "filter.fail_none": "Failed {node}: none of ({rule}) holds",
    "filter.pass_seen": "Passed {node}: {rule} (this lead: {value})",
    "filter.fail_seen": "Failed {node}: {rule} does not hold (this lead: {value})",
    "filter.fail_none_seen": "Failed {node}: none of ({rule}) holds (this lead: {value})",
  },
  {
    "node.filter.name": "过滤",
    "node.filter.description": "判断条件是否成立；线索从“通过”或“未通过”离开。",
    "filter.pass": "通过 {node}：{rule}",
    "filter.fail": "未通过 {node}：{rule} 不成立",
    "filter.fail_none": "未通过 {node}：（{rule}）均不成立",
    "filter.pass_seen": "通过 {node}：{rule}（此线索：{value}）",
    "filter.fail_seen": "未通过 {node}：{rule} 不成立（此线索：{value}）",
    "filter.fail_none_seen": "未通过 {node}：（{rule}）均不成立（此线索：{value}）",
  },
);
