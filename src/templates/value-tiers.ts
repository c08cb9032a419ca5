// Template "Value tiers": score each lead, grade it A/B/C; A leads go to senior reps, the rest to the rep pool.
import { all, at, defineTemplate, timed, wire } from "./define";
import { NO_LIMITS, companyField, newLead, tellOps, tellRep } from "./parts";

export const valueTiers = defineTemplate({
  id: "value-tiers",
  name: { en: "Value tiers (score → grade → senior reps)", "zh-CN": "价值分层（评分 → 等级 → 资深销售）" },
  description: {
    en: "Each lead is scored from what it tells us: company size (+30 for 500 or more employees, +15 for 50–499), a demo request (+30), 2 points per page view up to 20, and −10 for a free email address. The score gives a grade — A from 60, B from 30, C below — and A leads go to the senior reps in turn while B and C leads go to the rep pool. If every senior rep is unavailable, an A lead falls back to the pool; if nobody in the pool is free, sales ops is told. To adapt it: change the points and the grade bands in the score node, or the grade the filter lets through.",
    "zh-CN":
      "根据线索提供的信息为其评分：公司规模（500 人及以上 +30，50–499 人 +15）、申请演示（+30）、每次页面浏览 2 分（最多 20 分），使用免费邮箱 −10。分数决定等级——60 分及以上为 A，30 分及以上为 B，其余为 C；A 级线索轮流分配给资深销售，B、C 级线索分配给销售池。若所有资深销售都不可用，A 级线索转入销售池；若销售池也无人可接，则通知销售运营。如何调整：在评分节点中修改分值和等级区间，或修改筛选节点放行的等级。",
  },
  leads: timed("2026-03-02T09:00:00Z", 5, [
    { id: "vt-1", source: "web", company: "Orion Bank", employees: 4200, demoRequested: true, pageViews: 10, email: "cfo@orion.example" },
    { id: "vt-2", source: "web", company: "Pebble Design", employees: 120, demoRequested: false, pageViews: 5, email: "hi@pebble.example" },
    { id: "vt-3", source: "ads", company: "Quill Legal", employees: 800, demoRequested: false, pageViews: 8, email: "it@quill.example" },
    { id: "vt-4", source: "web", company: "Rook Security", employees: 60, demoRequested: true, pageViews: 12, email: "ops@rook.example" },
    { id: "vt-5", source: "web", company: "Solo Bakery", employees: 5, demoRequested: false, pageViews: 3, email: "solo.bakery@gmail.com" },
    {
      id: "vt-6",
      source: "event",
      company: "Titan Motors",
      employees: 2000,
      demoRequested: true,
      pageViews: 0,
      email: "buyer@titan.example",
    },
    { id: "vt-7", source: "web", company: "Umbra Games", employees: 300, demoRequested: true, pageViews: 2, email: "umbra@qq.com" },
    { id: "vt-8", source: "ads", company: "Vela Yoga", employees: 20, demoRequested: false, pageViews: 15, email: "team@vela.example" },
  ]),
  build: (say) => ({
    settings: { timezone: "UTC", seed: 1 },
    fields: [
      companyField(say),
      { key: "employees", label: say({ en: "Employees", "zh-CN": "员工人数" }), type: "number" },
      { key: "demoRequested", label: say({ en: "Asked for a demo", "zh-CN": "申请了演示" }), type: "boolean" },
      { key: "pageViews", label: say({ en: "Page views", "zh-CN": "页面浏览次数" }), type: "number" },
      { key: "email", label: say({ en: "Email", "zh-CN": "邮箱" }), type: "string" },
    ],
    teams: [
      {
        id: "seniors",
        name: say({ en: "Senior reps", "zh-CN": "资深销售" }),
        members: [
          { id: "sofia", name: "Sofia Costa", email: "sofia@example.com" },
          { id: "tariq", name: "Tariq Aziz", email: "tariq@example.com" },
        ],
      },
      {
        id: "pool",
        name: say({ en: "Rep pool", "zh-CN": "销售池" }),
        members: [
          { id: "uma", name: "Uma Rao", email: "uma@example.com" },
          { id: "victor", name: "Victor Hugo", email: "victor@example.com" },
          { id: "wen", name: "Wen Li", email: "wen@example.com" },
        ],
      },
    ],
    nodes: [
      newLead(say, at(0, 0)),
      {
        id: "score",
        type: "score",
        label: say({ en: "Lead score and grade", "zh-CN": "线索评分与等级" }),
        position: at(1, 0),
        config: {
          field: "score",
          base: 0,
          rules: [
            {
              label: say({ en: "500+ employees", "zh-CN": "500 人及以上" }),
              when: all({ field: "employees", operator: "gte", value: 500 }),
              points: 30,
            },
            {
              label: say({ en: "50–499 employees", "zh-CN": "50–499 人" }),
              when: all({ field: "employees", operator: "between", value: [50, 499] }),
              points: 15,
            },
            {
              label: say({ en: "Asked for a demo", "zh-CN": "申请了演示" }),
              when: all({ field: "demoRequested", operator: "eq", value: true }),
              points: 30,
            },
            {
              label: say({ en: "Page views (2 each, up to 20)", "zh-CN": "页面浏览（每次 2 分，最多 20 分）" }),
              per: { field: "pageViews", unit: 1 },
              points: 2,
              max: 20,
            },
            {
              label: say({ en: "Free email address", "zh-CN": "免费邮箱" }),
              when: {
                op: "any",
                rules: ["@gmail.com", "@qq.com", "@163.com", "@outlook.com"].map((domain) => ({
                  field: "email",
                  operator: "ends_with" as const,
                  value: domain,
                })),
              },
              points: -10,
            },
          ],
          grades: { field: "grade", bands: [{ name: "A", min: 60 }, { name: "B", min: 30 }, { name: "C" }] },
        },
      },
      {
        id: "grade-a",
        type: "filter",
        label: say({ en: "Grade A?", "zh-CN": "A 级？" }),
        position: at(2, 0),
        config: { conditions: all({ field: "grade", operator: "eq", value: "A" }) },
      },
      {
        id: "seniors",
        type: "route",
        label: say({ en: "Senior reps, in turn", "zh-CN": "资深销售，轮流" }),
        position: at(3, 0),
        config: { team: "seniors", strategy: "round_robin", respect: NO_LIMITS },
      },
      {
        id: "pool",
        type: "route",
        label: say({ en: "Rep pool, in turn", "zh-CN": "销售池，轮流" }),
        position: at(4, 1),
        config: { team: "pool", strategy: "round_robin", respect: NO_LIMITS },
      },
      tellRep(say, at(5, 0), {
        subject: { en: "New {{lead.grade}} lead: {{lead.company}}", "zh-CN": "新的 {{lead.grade}} 级线索：{{lead.company}}" },
        template: {
          en: "Hi {{owner.name}}, {{lead.company}} scored {{lead.score}} (grade {{lead.grade}}).",
          "zh-CN": "{{owner.name}}，您好：{{lead.company}} 得分 {{lead.score}}（{{lead.grade}} 级）。",
        },
      }),
      tellOps(say, at(5, 1)),
    ],
    edges: wire([
      ["new-lead", "score"],
      ["score", "grade-a"],
      ["grade-a:pass", "seniors"],
      ["grade-a:fail", "pool"],
      ["seniors:assigned", "tell-rep"],
      ["seniors:unassigned", "pool"],
      ["pool:assigned", "tell-rep"],
      ["pool:unassigned", "tell-ops"],
    ]),
  }),
});
