// Template "Follow-up cadence": after the first contact the owner gets a follow-up task on working days 1, 3 and 7, until the
// lead is converted or closed; a lead not contacted within a working day is reported to the manager.
import { at, defineTemplate, timed, wire } from "./define";
import { NO_LIMITS, companyField, newLead, tellManager, tellOps, tellRep } from "./parts";

const HOURS = { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" };

const step = (days: number, say: (t: { en: string; "zh-CN": string }) => string) => ({
  after: { days },
  channel: "email" as const,
  to: "owner",
  subject: say({ en: `Day ${days} follow-up: {{lead.company}}`, "zh-CN": `第 ${days} 天回访：{{lead.company}}` }),
  template: say({
    en: `Hi {{owner.name}}, it is ${days} working day(s) since your first contact with {{lead.company}}. Time to follow up.`,
    "zh-CN": `{{owner.name}}，您好：距您首次联系 {{lead.company}} 已有 ${days} 个工作日，该回访了。`,
  }),
});

export const followUpCadence = defineTemplate({
  id: "follow-up-cadence",
  name: { en: "Follow-up cadence: days 1, 3, 7", "zh-CN": "回访节奏：第 1、3、7 天" },
  description: {
    en: "Most deals need several touches, so this flow keeps reps following up. Each lead goes to the rep with the fewest open leads, who must make the first contact within one working day. From that first contact on, the rep gets a follow-up task by email after 1, 3 and 7 working days — until the lead is converted or closed, when the tasks stop and the rep's open-lead count goes down at once. A lead nobody contacts within a working day is reported to the sales manager. To adapt it: change the days of the cadence, its messages, the first-contact deadline or the manager's address.",
    "zh-CN":
      "多数成交需要多次跟进，因此此流程让销售持续回访。每条线索分配给未结线索最少的销售，要求在一个工作日内首次联系。从首次联系起，销售会在第 1、3、7 个工作日收到邮件回访任务——直到线索转化或关闭，届时任务停止，该销售的未结线索数立即减少。一个工作日内无人联系的线索会报告给销售经理。如何调整：修改回访的天数、消息内容、首次联系期限或经理的地址。",
  },
  leads: timed("2026-02-25T10:00:00Z", 20, [
    { id: "fc-1", source: "web", company: "Alder Architects" },
    { id: "fc-2", source: "referral", company: "Basil Bistro" },
    { id: "fc-3", source: "web", company: "Cedar Clinics" },
    { id: "fc-4", source: "event", company: "Dahlia Design" },
    { id: "fc-5", source: "web", company: "Elder Estates" },
  ]),
  build: (say) => ({
    settings: { timezone: "UTC", seed: 1 },
    fields: [companyField(say)],
    teams: [
      {
        id: "accounts",
        name: say({ en: "Account executives", "zh-CN": "客户经理" }),
        members: [
          { id: "dana", name: "Dana Wolf", email: "dana@example.com", openLeads: 3, workingHours: HOURS },
          { id: "eli", name: "Eli Park", email: "eli@example.com", openLeads: 1, workingHours: HOURS },
          { id: "fay", name: "Fay Moreau", email: "fay@example.com", openLeads: 2, workingHours: HOURS },
        ],
      },
    ],
    nodes: [
      newLead(say, at(0, 0)),
      {
        id: "least-busy",
        type: "route",
        label: say({ en: "Least busy account executive", "zh-CN": "最空闲的客户经理" }),
        position: at(1, 0),
        config: { team: "accounts", strategy: "least_loaded", respect: NO_LIMITS },
      },
      tellRep(say, at(2, 0)),
      {
        id: "cadence",
        type: "follow_up",
        label: say({ en: "Contact within a day, then days 1, 3, 7", "zh-CN": "一天内联系，之后第 1、3、7 天回访" }),
        position: at(3, 0),
        config: {
          within: { days: 1 },
          clock: "working_hours",
          remind: [],
          cadence: [step(1, say), step(3, say), step(7, say)],
        },
      },
      tellManager(
        say,
        at(4, 0),
        { en: "Not contacted: tell the manager", "zh-CN": "未联系：通知经理" },
        {
          subject: { en: "Not contacted in a day: {{lead.company}}", "zh-CN": "一天内未联系：{{lead.company}}" },
          template: {
            en: "{{owner.name}} has not contacted {{lead.company}} within a working day, or refused it.",
            "zh-CN": "{{owner.name}} 在一个工作日内未联系 {{lead.company}}，或退回了该线索。",
          },
        },
      ),
      tellOps(say, at(4, 1), "manager@example.com", { en: "Nobody free: tell the manager", "zh-CN": "无人可接：通知经理" }),
    ],
    edges: wire([
      ["new-lead", "least-busy"],
      ["least-busy:assigned", "tell-rep"],
      ["least-busy:unassigned", "tell-ops"],
      ["tell-rep", "cadence"],
      ["cadence:breached", "tell-manager"],
    ]),
  }),
});
