// The cap node's texts in English and 简体中文.
import { defineMessages } from "../../src/engine/i18n/table";
export const capMessages = defineMessages(
  {
    "node.cap.name": "Cap",
    "node.cap.description": "Limit how many leads pass per hour, day, week or month, per owner or in total.",
    "cap.ok": "Within {node}: {count}/{limit} this {window}",
    "cap.ok_owner": "Within {node} for {owner}: {count}/{limit} this {window}",
    "cap.overflow": "Over {node}: {limit}/{limit} this {window}",
    "cap.overflow_owner": "Over {node} for {owner}: {limit}/{limit} this {window}; assignment undone",
    "cap.no_owner": "{node} counts per owner, but the lead has no owner",
    "cap.needs_route": 'This cap counts per owner, but a lead can reach it without an owner: put a route\'s "assigned" port before it.',
    "window.hour": "hour",
    "window.day": "day",
    "window.week": "week",
    "window.month": "month",
    "window.total": "period (in total)",
  },
  {
    "node.cap.name": "上限",
    "node.cap.description": "限制每小时、每天、每周或每月通过的线索数，可按负责人或总量计算。",
    "cap.ok": "未超过 {node}：本{window} {count}/{limit}",
    "cap.ok_owner": "{owner} 未超过 {node}：本{window} {count}/{limit}",
    "cap.overflow": "超过 {node}：本{window} {limit}/{limit}",
    "cap.overflow_owner": "{owner} 超过 {node}：本{window} {limit}/{limit}；已撤销分配",
    "cap.no_owner": "{node} 按负责人计数，但该线索没有负责人",
    "cap.needs_route": "此上限按负责人计数，但线索可能在没有负责人时到达：请在其前面连接分配节点的“已分配”端口。",
    "window.hour": "小时",
    "window.day": "日",
    "window.week": "周",
    "window.month": "月",
    "window.total": "期间（总计）",
  },
);
