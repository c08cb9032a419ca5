// Template "Weighted / performance-based": reps who convert more get proportionally more leads (smooth weighted round robin).
import { at, defineTemplate, timed, wire } from "./define";
import { NO_LIMITS, companyField, newLead, tellOps, tellRep } from "./parts";

export const weighted = defineTemplate({
  id: "weighted",
  name: { en: "Weighted / performance-based", "zh-CN": "加权 / 按业绩分配" },
  description: {
    en: 'Leads are shared in proportion to each closer\'s conversion rate (the "performance" of a member): with 37.5 %, 25 % and 12.5 % the shares are 3 : 2 : 1, spread evenly over time rather than in blocks (smooth weighted round robin, as nginx balances servers). Update the rates every month and the split follows. To give fixed shares instead, set each member\'s weight and switch the route\'s "weight by" to weight; a weight of 0 takes a rep out of rotation. The assigned closer is emailed; if nobody can take a lead, sales ops is told.',
    "zh-CN":
      "线索按每位成交专员的转化率（成员的“业绩”）成比例分配：转化率为 37.5 %、25 %、12.5 % 时，份额为 3 : 2 : 1，并且随时间均匀穿插而不是成批分配（平滑加权轮询，与 nginx 平衡服务器的算法相同）。每月更新转化率，分配比例随之变化。如需固定份额，请设置每位成员的权重，并将分配节点的“权重依据”改为权重；权重为 0 的销售不参与轮换。被分配的成交专员会收到邮件；如果没有人能接手线索，则通知销售运营。",
  },
  leads: timed("2026-03-02T09:00:00Z", 5, [
    { id: "w-1", source: "web", company: "Harbor Labs" },
    { id: "w-2", source: "web", company: "Iris Health" },
    { id: "w-3", source: "ads", company: "Jade Foods" },
    { id: "w-4", source: "web", company: "Kite Mobility" },
    { id: "w-5", source: "ads", company: "Lumen Energy" },
    { id: "w-6", source: "web", company: "Maple Finance" },
    { id: "w-7", source: "web", company: "Nova Retail" },
    { id: "w-8", source: "ads", company: "Opal Travel" },
    { id: "w-9", source: "web", company: "Pine Logistics" },
    { id: "w-10", source: "web", company: "Quartz Media" },
    { id: "w-11", source: "ads", company: "Reef Games" },
    { id: "w-12", source: "web", company: "Sage Robotics" },
  ]),
  build: (say) => ({
    settings: { timezone: "UTC", seed: 1 },
    fields: [companyField(say)],
    teams: [
      {
        id: "closers",
        name: say({ en: "Closers", "zh-CN": "成交专员" }),
        members: [
          { id: "ana", name: "Ana Ruiz", email: "ana@example.com", weight: 3, performance: 0.375 },
          { id: "ben", name: "Ben Okafor", email: "ben@example.com", weight: 2, performance: 0.25 },
          { id: "cai", name: "Cai Ning", email: "cai@example.com", weight: 1, performance: 0.125 },
        ],
      },
    ],
    nodes: [
      newLead(say, at(0, 0)),
      {
        id: "by-performance",
        type: "route",
        label: say({ en: "Closers, by conversion rate", "zh-CN": "成交专员，按转化率" }),
        position: at(1, 0),
        config: { team: "closers", strategy: "weighted_round_robin", weightBy: "performance", respect: NO_LIMITS },
      },
      tellRep(say, at(2, 0), undefined, { en: "Email the closer", "zh-CN": "邮件通知成交专员" }),
      tellOps(say, at(2, 1)),
    ],
    edges: wire([
      ["new-lead", "by-performance"],
      ["by-performance:assigned", "tell-rep"],
      ["by-performance:unassigned", "tell-ops"],
    ]),
  }),
});
