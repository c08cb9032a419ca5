// The notify node's texts in English and 简体中文.
import { defineMessages } from "../../src/engine/i18n/table";
export const notifyMessages = defineMessages(
  {
    "node.notify.name": "Notify",
    "node.notify.description": "Tell the owner, the team or an address by email, Slack, SMS, webhook or in-app.",
    "notify.sent": "Notification by {channel} to {to}: {subject}",
    "notify.no_recipient": "No notification from {node}: the lead has no {to}",
    "notify.unknown_variable": "The template uses {variable}, which is not a known variable.",
    "notify.no_address": "Say who receives the notification: owner, team or an address.",
  },
  {
    "node.notify.name": "通知",
    "node.notify.description": "通过邮件、Slack、短信、Webhook 或站内消息通知负责人、团队或指定地址。",
    "notify.sent": "通过 {channel} 通知 {to}：{subject}",
    "notify.no_recipient": "{node} 未发送通知：线索没有{to}",
    "notify.unknown_variable": "模板使用了未知变量 {variable}。",
    "notify.no_address": "请指定通知接收人：负责人、团队或地址。",
  },
);
