// Nodes and fields several templates share, so they read (and are worded) the same everywhere.
import type { FieldDef, FlowNode, NodeOf } from "../engine";
import type { LocalText, Say } from "./define";

type Position = { x: number; y: number };

/** Route nodes in templates ignore working hours and capacity unless the template is about them. */
export const NO_LIMITS = { workingHours: false, capacity: false } as const;

export const companyField = (say: Say): FieldDef => ({ key: "company", label: say({ en: "Company", "zh-CN": "公司" }), type: "string" });

export function newLead(say: Say, position: Position): FlowNode {
  return { id: "new-lead", type: "trigger", label: say({ en: "New lead", "zh-CN": "新线索" }), position, config: { sources: [] } };
}

const DEFAULT_REP_MESSAGE: { subject: LocalText; template: LocalText } = {
  subject: { en: "New lead: {{lead.company}}", "zh-CN": "新线索：{{lead.company}}" },
  template: { en: "Hi {{owner.name}}, {{lead.company}} is yours.", "zh-CN": "{{owner.name}}，您好：{{lead.company}} 已分配给您。" },
};

/** "Email the rep": tells the lead's owner by email. */
export function tellRep(
  say: Say,
  position: Position,
  message = DEFAULT_REP_MESSAGE,
  label: LocalText = { en: "Email the rep", "zh-CN": "邮件通知销售" },
): NodeOf<"notify"> {
  return {
    id: "tell-rep",
    type: "notify",
    label: say(label),
    position,
    config: { channel: "email", to: "owner", subject: say(message.subject), template: say(message.template) },
  };
}

/** Where a lead goes when nobody can take it: an email to sales ops (or the manager), so no lead is lost silently. */
export function tellOps(
  say: Say,
  position: Position,
  to = "sales-ops@example.com",
  label: LocalText = { en: "Nobody free: tell sales ops", "zh-CN": "无人可接：通知销售运营" },
): NodeOf<"notify"> {
  return {
    id: "tell-ops",
    type: "notify",
    label: say(label),
    position,
    config: {
      channel: "email",
      to,
      subject: say({ en: "Unassigned lead", "zh-CN": "未分配的线索" }),
      template: say({ en: "Nobody could take {{lead.company}} ({{lead.id}}).", "zh-CN": "没有人能接手 {{lead.company}}（{{lead.id}}）。" }),
    },
  };
}

/** "Tell the manager": an email to the sales manager's address about the lead (overflow, a missed deadline). */
export function tellManager(
  say: Say,
  position: Position,
  label: LocalText,
  message: { subject: LocalText; template: LocalText },
): NodeOf<"notify"> {
  return {
    id: "tell-manager",
    type: "notify",
    label: say(label),
    position,
    config: { channel: "email", to: "manager@example.com", subject: say(message.subject), template: say(message.template) },
  };
}
