// The texts of event-file and event-run warnings in English and 简体中文, in a sales manager's words.
import { defineMessages } from "../i18n/table";

export const eventMessages = defineMessages(
  {
    "events.not_json": "The events file is not valid JSON: {detail}",
    "events.not_a_list":
      "An events file must be a list of events (a JSON array) or a CSV with the columns id, lead, type, at, by, reason, value.",
    "events.not_an_event": "Row {row} is not an event; it was skipped.",
    "events.missing_lead": "Row {row} does not say which lead it is about; it was skipped.",
    "events.unknown_type": 'Row {row}: "{value}" is not an event type (touched, converted, closed or rejected); it was skipped.',
    "events.bad_time": 'Row {row}: "{value}" is not a date and time; the event was skipped.',
    "events.bad_value": 'Row {row}: the value "{value}" is not a number; the event was kept without it.',
    "events.csv_error": "Row {row}: the CSV could not be read cleanly ({detail}); the row was kept as read.",
    "event.unknown_lead":
      "Event {event}: the lead {lead} is not one this flow follows (unknown, never assigned, or finished long ago); nothing changed.",
    "event.before_created": "Event {event}: it is dated {at}, before the lead {lead} came in ({createdAt}); nothing changed.",
    "event.not_owner": "Event {event}: {by} is not the owner of the lead {lead} ({owner}); nothing changed.",
    "event.no_reason": 'Event {event}: the lead {lead} was rejected without a reason; it counts as "none given".',
    "event.no_follow_up": "Event {event}: this flow has no follow-up step, so it does not follow leads after assignment; nothing changed.",
    "event.not_due": "Event {event} is dated after the run's time {now}; pass it again in a later run.",
    "run.lead_known": "The lead {lead} was already entered (it is followed in the saved state); it was not entered again.",
  },
  {
    "events.not_json": "事件文件不是有效的 JSON：{detail}",
    "events.not_a_list": "事件文件必须是事件列表（JSON 数组），或包含 id、lead、type、at、by、reason、value 列的 CSV。",
    "events.not_an_event": "第 {row} 行不是事件，已跳过。",
    "events.missing_lead": "第 {row} 行没有说明是哪条线索，已跳过。",
    "events.unknown_type": "第 {row} 行：“{value}”不是事件类型（touched、converted、closed 或 rejected），已跳过。",
    "events.bad_time": "第 {row} 行：“{value}”不是日期时间，该事件已跳过。",
    "events.bad_value": "第 {row} 行：金额“{value}”不是数字，事件已保留但不含金额。",
    "events.csv_error": "第 {row} 行：CSV 无法完整读取（{detail}），已按读取内容保留。",
    "event.unknown_lead": "事件 {event}：线索 {lead} 不在本流程跟进范围内（未知、从未分配，或早已结束），未做任何更改。",
    "event.before_created": "事件 {event}：时间 {at} 早于线索 {lead} 的进入时间（{createdAt}），未做任何更改。",
    "event.not_owner": "事件 {event}：{by} 不是线索 {lead} 的负责人（{owner}），未做任何更改。",
    "event.no_reason": "事件 {event}：线索 {lead} 被退回但没有原因，按“未说明”计。",
    "event.no_follow_up": "事件 {event}：本流程没有跟进步骤，不会在分配后继续跟进线索，未做任何更改。",
    "event.not_due": "事件 {event} 的时间晚于本次运行时间 {now}，请在之后的运行中再次提供。",
    "run.lead_known": "线索 {lead} 已经进入过流程（保存的状态中正在跟进），没有再次进入。",
  },
);
