// Texts about running leads (fill-ins, errors), in English and 简体中文.
import { defineMessages } from "./i18n/table";

export const runMessages = defineMessages(
  {
    "run.no_trigger": "No trigger accepted this lead",
    "run.missing_id": "The lead had no id; it is called {id}",
    "run.missing_created_at": "The lead had no created time; the run's reference time {time} is used",
    "run.bad_created_at": 'the created time "{value}" is not a date',
    "run.unreadable_created_at": 'the created time "{value}" is not a date; the run\'s reference time {time} is used',
    "run.not_an_object": "The lead is not an object",
    "run.failed": "This lead could not be routed: {detail}",
    "run.blocked": "The flow has errors and cannot run:",
    "run.bad_now": '"now" must be an ISO 8601 time, not {value}',
    "status.assigned": "assigned",
    "status.filtered": "filtered",
    "status.unassigned": "unassigned",
    "status.no_trigger": "no trigger",
    "status.error": "error",
    "status.waiting": "waiting for first contact",
  },
  {
    "run.no_trigger": "没有触发器接收此线索",
    "run.missing_id": "线索没有 id，已命名为 {id}",
    "run.missing_created_at": "线索没有创建时间，使用运行参考时间 {time}",
    "run.bad_created_at": "创建时间“{value}”不是日期",
    "run.unreadable_created_at": "创建时间“{value}”不是日期，使用运行参考时间 {time}",
    "run.not_an_object": "线索不是对象",
    "run.failed": "无法分配此线索：{detail}",
    "run.blocked": "流程有错误，无法运行：",
    "run.bad_now": '"now" 必须是 ISO 8601 时间，而不是 {value}',
    "status.assigned": "已分配",
    "status.filtered": "已过滤",
    "status.unassigned": "未分配",
    "status.no_trigger": "无触发器",
    "status.error": "错误",
    "status.waiting": "等待首次联系",
  },
);
