// Template "Hot lead alert": score and grade each lead; an A-grade lead alerts the sales manager at once, then every lead is routed.
import { all, at, defineTemplate, timed, wire } from "./define";
import { NO_LIMITS, companyField, newLead, tellOps, tellRep } from "./parts";

export const hotLeadAlert = defineTemplate({
  id: "hot-lead-alert",
  name: { en: "Hot A-grade lead alert", "zh-CN": "A 级热门线索提醒" },
  description: {
    en: "Every lead is scored: +40 for a demo request, +20 for a company of 1,000 or more employees, +20 when the job title names a decision maker (VP, Head, Director, Chief), and 3 points per page view up to 30. A score of 70 or more is grade A (hot), 40 or more B, the rest C. A hot lead emails the sales manager the moment it arrives — before it is even assigned — so they can make sure it is called within minutes; then every lead, hot or not, goes to the reps in turn and the rep is emailed. To adapt it: change the points, the A threshold or the manager's address (or use Slack or SMS as the channel).",
    "zh-CN":
      "为每条线索评分：申请演示 +40，公司员工 1000 人及以上 +20，职位为决策者（VP、Head、Director、Chief）+20，每次页面浏览 3 分（最多 30 分）。70 分及以上为 A 级（热门），40 分及以上为 B 级，其余为 C 级。热门线索一到达就会立即给销售经理发送邮件——甚至在分配之前——以便经理确保几分钟内有人跟进；随后所有线索（无论是否热门）轮流分配给销售，并邮件通知该销售。如何调整：修改分值、A 级门槛或经理的地址（也可以改用 Slack 或短信渠道）。",
  },
  leads: timed("2026-03-02T09:00:00Z", 3, [
    { id: "hot-1", source: "web", company: "Apex Airlines", employees: 1500, title: "VP Sales", demoRequested: true, pageViews: 4 },
    { id: "hot-2", source: "web", company: "Brook Books", employees: 200, title: "Analyst", demoRequested: false, pageViews: 5 },
    { id: "hot-3", source: "ads", company: "Cirrus Cloud", employees: 300, title: "Head of Operations", demoRequested: true, pageViews: 2 },
    { id: "hot-4", source: "web", company: "Delta Dynamics", employees: 5000, title: "Engineer", demoRequested: true, pageViews: 5 },
    { id: "hot-5", source: "event", company: "Ember Energy", employees: 2000, title: "IT Director", demoRequested: false, pageViews: 10 },
    { id: "hot-6", source: "web", company: "Fable Games", employees: 50, title: "Intern", demoRequested: false, pageViews: 0 },
  ]),
  build: (say) => ({
    settings: { timezone: "UTC", seed: 1 },
    fields: [
      companyField(say),
      { key: "employees", label: say({ en: "Employees", "zh-CN": "员工人数" }), type: "number" },
      { key: "title", label: say({ en: "Job title", "zh-CN": "职位" }), type: "string" },
      { key: "demoRequested", label: say({ en: "Asked for a demo", "zh-CN": "申请了演示" }), type: "boolean" },
      { key: "pageViews", label: say({ en: "Page views", "zh-CN": "页面浏览次数" }), type: "number" },
    ],
    teams: [
      {
        id: "reps",
        name: say({ en: "Sales reps", "zh-CN": "销售" }),
        members: [
          { id: "omar", name: "Omar Farouk", email: "omar@example.com" },
          { id: "pia", name: "Pia Jensen", email: "pia@example.com" },
          { id: "qing", name: "Qing Hu", email: "qing@example.com" },
        ],
      },
    ],
    nodes: [
      newLead(say, at(0, 1)),
      {
        id: "score",
        type: "score",
        label: say({ en: "Hot-lead score and grade", "zh-CN": "热度评分与等级" }),
        position: at(1, 1),
        config: {
          field: "score",
          base: 0,
          rules: [
            {
              label: say({ en: "Asked for a demo", "zh-CN": "申请了演示" }),
              when: all({ field: "demoRequested", operator: "eq", value: true }),
              points: 40,
            },
            {
              label: say({ en: "1,000+ employees", "zh-CN": "1000 人及以上" }),
              when: all({ field: "employees", operator: "gte", value: 1000 }),
              points: 20,
            },
            {
              label: say({ en: "Decision maker's title", "zh-CN": "决策者职位" }),
              when: {
                op: "any",
                rules: ["VP", "Head", "Director", "Chief"].map((word) => ({ field: "title", operator: "contains" as const, value: word })),
              },
              points: 20,
            },
            {
              label: say({ en: "Page views (3 each, up to 30)", "zh-CN": "页面浏览（每次 3 分，最多 30 分）" }),
              per: { field: "pageViews", unit: 1 },
              points: 3,
              max: 30,
            },
          ],
          grades: { field: "grade", bands: [{ name: "A", min: 70 }, { name: "B", min: 40 }, { name: "C" }] },
        },
      },
      {
        id: "is-hot",
        type: "filter",
        label: say({ en: "Grade A (hot)?", "zh-CN": "A 级（热门）？" }),
        position: at(2, 1),
        config: { conditions: all({ field: "grade", operator: "eq", value: "A" }) },
      },
      {
        id: "alert-manager",
        type: "notify",
        label: say({ en: "Alert the sales manager now", "zh-CN": "立即提醒销售经理" }),
        position: at(3, 0),
        config: {
          channel: "email",
          to: "manager@example.com",
          subject: say({
            en: "Hot lead: {{lead.company}} (score {{lead.score}})",
            "zh-CN": "热门线索：{{lead.company}}（{{lead.score}} 分）",
          }),
          template: say({
            en: "{{lead.company}} just came in as grade {{lead.grade}} with {{lead.score}} points ({{lead.title}}, {{lead.employees}} employees). Make sure it is called within minutes.",
            "zh-CN":
              "{{lead.company}} 刚刚进入，等级 {{lead.grade}}，{{lead.score}} 分（{{lead.title}}，{{lead.employees}} 名员工）。请确保几分钟内有人跟进。",
          }),
        },
      },
      {
        id: "in-turn",
        type: "route",
        label: say({ en: "Reps, in turn", "zh-CN": "销售轮流" }),
        position: at(4, 1),
        config: { team: "reps", strategy: "round_robin", respect: NO_LIMITS },
      },
      tellRep(say, at(5, 1), {
        subject: { en: "New {{lead.grade}} lead: {{lead.company}}", "zh-CN": "新的 {{lead.grade}} 级线索：{{lead.company}}" },
        template: {
          en: "Hi {{owner.name}}, {{lead.company}} is yours (score {{lead.score}}).",
          "zh-CN": "{{owner.name}}，您好：{{lead.company}} 已分配给您（{{lead.score}} 分）。",
        },
      }),
      tellOps(say, at(5, 2), "manager@example.com", { en: "Nobody free: tell the manager", "zh-CN": "无人可接：通知经理" }),
    ],
    edges: wire([
      ["new-lead", "score"],
      ["score", "is-hot"],
      ["is-hot:pass", "alert-manager"],
      ["is-hot:fail", "in-turn"],
      ["alert-manager", "in-turn"],
      ["in-turn:assigned", "tell-rep"],
      ["in-turn:unassigned", "tell-ops"],
    ]),
  }),
});
