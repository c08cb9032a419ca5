// Template "Speed to lead": the rep must call within 5 working minutes; a missed or refused lead is reassigned once, to someone
// who has not had it, and the sales manager is told.
import { at, defineTemplate, timed, wire } from "./define";
import { NO_LIMITS, companyField, newLead, tellManager, tellOps, tellRep } from "./parts";

const HOURS = { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" };

export const speedToLead = defineTemplate({
  id: "speed-to-lead",
  name: { en: "Speed to lead: call within 5 minutes", "zh-CN": "快速响应：5 分钟内首次联系" },
  description: {
    en: "Answering a new lead within minutes makes a sale many times more likely, so every lead goes to the next rep in turn, who is told at once and must make the first call within 5 working minutes (evenings, weekends, holidays and the rep's leave do not count). A reminder goes out after 3 minutes. If nobody calls in time, or the rep refuses the lead, it is reassigned once — to a rep who has not had it yet — and the sales manager gets an email saying who has it now. To adapt it: change the deadline, the reminder, the manager's address, or the reps and their working hours.",
    "zh-CN":
      "几分钟内响应新线索能让成交机会成倍增加。因此每条线索轮流分配给下一位销售，并立即通知他，要求在 5 个工作分钟内首次联系（晚上、周末、节假日和销售的休假日不计）。3 分钟后发送提醒。如果没有人按时联系，或销售退回了线索，线索会重新分配一次——交给还没有负责过它的销售——并邮件告知销售经理线索现在由谁负责。如何调整：修改期限、提醒、经理的地址，或修改销售及其工作时间。",
  },
  leads: timed("2026-02-27T09:00:00Z", 7, [
    { id: "sl-1", source: "web", company: "Aster Analytics", phone: "+49 30 1234" },
    { id: "sl-2", source: "web", company: "Bloom Bakery", phone: "+49 40 2345" },
    { id: "sl-3", source: "ads", company: "Crane Logistics", phone: "+49 89 3456" },
    { id: "sl-4", source: "web", company: "Delta Dental", phone: "+49 69 4567" },
    { id: "sl-5", source: "event", company: "Echo Energy", phone: "+49 221 5678" },
    { id: "sl-6", source: "web", company: "Fern Furniture", phone: "+49 711 6789" },
  ]),
  build: (say) => ({
    settings: { timezone: "UTC", seed: 1 },
    fields: [companyField(say), { key: "phone", label: say({ en: "Phone", "zh-CN": "电话" }), type: "string" }],
    teams: [
      {
        id: "reps",
        name: say({ en: "Inside sales", "zh-CN": "电话销售" }),
        members: [
          { id: "ann", name: "Ann Lee", email: "ann@example.com", workingHours: HOURS },
          { id: "bob", name: "Bob Stone", email: "bob@example.com", workingHours: HOURS },
          { id: "chen", name: "Chen Jing", email: "chen@example.com", workingHours: HOURS },
        ],
      },
    ],
    nodes: [
      newLead(say, at(0, 0)),
      {
        id: "in-turn",
        type: "route",
        label: say({ en: "Reps, in turn", "zh-CN": "销售轮流" }),
        position: at(1, 0),
        config: { team: "reps", strategy: "round_robin", respect: NO_LIMITS },
      },
      tellRep(
        say,
        at(2, 0),
        {
          subject: { en: "Call now: {{lead.company}}", "zh-CN": "请立即致电：{{lead.company}}" },
          template: {
            en: "Hi {{owner.name}}, {{lead.company}} just came in. Call {{lead.phone}} within 5 minutes.",
            "zh-CN": "{{owner.name}}，您好：{{lead.company}} 刚刚进入，请在 5 分钟内致电 {{lead.phone}}。",
          },
        },
        { en: "Tell the rep to call", "zh-CN": "通知销售致电" },
      ),
      {
        id: "first-call",
        type: "follow_up",
        label: say({ en: "First call within 5 minutes", "zh-CN": "5 分钟内首次联系" }),
        position: at(3, 0),
        config: {
          within: { minutes: 5 },
          clock: "working_hours",
          remind: [
            {
              after: { minutes: 3 },
              channel: "email",
              to: "owner",
              subject: say({ en: "Still waiting for your call: {{lead.company}}", "zh-CN": "仍在等您的电话：{{lead.company}}" }),
              template: say({
                en: "{{lead.company}} is still waiting for your call: {{lead.phone}}",
                "zh-CN": "{{lead.company}} 仍在等您的电话：{{lead.phone}}",
              }),
            },
          ],
          cadence: [],
        },
      },
      {
        id: "reassign",
        type: "route",
        label: say({ en: "Reassign once", "zh-CN": "重新分配一次" }),
        position: at(4, 0),
        config: { team: "reps", strategy: "round_robin", exclude: "previous_owners", respect: NO_LIMITS },
      },
      tellManager(
        say,
        at(5, 0),
        { en: "Tell the manager", "zh-CN": "通知经理" },
        {
          subject: { en: "Reassigned: {{lead.company}}", "zh-CN": "已重新分配：{{lead.company}}" },
          template: {
            en: "{{lead.company}} was not called in time, or was refused. It now belongs to {{owner.name}}.",
            "zh-CN": "{{lead.company}} 未被按时联系或被退回，现已交给 {{owner.name}}。",
          },
        },
      ),
      tellOps(say, at(5, 1), "manager@example.com", { en: "Nobody free: tell the manager", "zh-CN": "无人可接：通知经理" }),
    ],
    edges: wire([
      ["new-lead", "in-turn"],
      ["in-turn:assigned", "tell-rep"],
      ["in-turn:unassigned", "tell-ops"],
      ["tell-rep", "first-call"],
      ["first-call:breached", "reassign"],
      ["first-call:rejected", "reassign"],
      ["reassign:assigned", "tell-manager"],
      ["reassign:unassigned", "tell-ops"],
    ]),
  }),
});
