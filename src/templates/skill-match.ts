// Template "Skill or product match": a lead goes to the least busy specialist for its product; generalists take the rest.
import { at, defineTemplate, timed, wire } from "./define";
import { NO_LIMITS, companyField, newLead, tellOps, tellRep } from "./parts";

export const skillMatch = defineTemplate({
  id: "skill-match",
  name: { en: "Skill or product match", "zh-CN": "按技能或产品匹配" },
  description: {
    en: "A lead asking about a product goes to a specialist whose \"skills\" attribute lists that product, and among those to the one with the fewest open leads (load-balanced: their open leads today plus what this flow has given them). A lead for a product nobody specialises in, or with no product, goes to the generalists in turn; if nobody is free there sales ops is told. To adapt it: set each member's skills and current open leads, or match on another field (language, industry) by changing the route's match.",
    "zh-CN":
      "咨询某个产品的线索会分配给“skills”属性中列有该产品的专员，并在其中选择未结线索最少的一位（负载均衡：当前未结线索数加上本流程已分配给他的线索数）。没有专员负责的产品的线索，或未填写产品的线索，轮流分配给通才团队；若该团队也无人可接，则通知销售运营。如何调整：设置每位成员的技能和当前未结线索数，或修改分配节点的匹配条件，改为按其他字段（语言、行业）匹配。",
  },
  leads: timed("2026-03-02T09:00:00Z", 4, [
    { id: "sk-1", source: "web", company: "Atlas Insurance", product: "crm" },
    { id: "sk-2", source: "web", company: "Beacon Shops", product: "payments" },
    { id: "sk-3", source: "event", company: "Cedar Clinics", product: "analytics" },
    { id: "sk-4", source: "web", company: "Delta Freight", product: "crm" },
    { id: "sk-5", source: "web", company: "Echo Studios", product: null },
    { id: "sk-6", source: "ads", company: "Flint Mining", product: "payments" },
    { id: "sk-7", source: "web", company: "Grove Schools", product: "crm" },
    { id: "sk-8", source: "web", company: "Helix Bio", product: "analytics" },
  ]),
  build: (say) => ({
    settings: { timezone: "UTC", seed: 1 },
    fields: [
      companyField(say),
      {
        key: "product",
        label: say({ en: "Product of interest", "zh-CN": "感兴趣的产品" }),
        type: "enum",
        options: ["crm", "analytics", "payments"],
      },
    ],
    teams: [
      {
        id: "specialists",
        name: say({ en: "Product specialists", "zh-CN": "产品专员" }),
        members: [
          { id: "amir", name: "Amir Haddad", email: "amir@example.com", openLeads: 5, attributes: { skills: ["crm", "analytics"] } },
          { id: "bea", name: "Bea Novak", email: "bea@example.com", openLeads: 2, attributes: { skills: ["payments"] } },
          { id: "chloe", name: "Chloe Zhang", email: "chloe@example.com", openLeads: 1, attributes: { skills: ["crm"] } },
          { id: "dev", name: "Dev Sharma", email: "dev@example.com", openLeads: 3, attributes: { skills: ["analytics", "payments"] } },
        ],
      },
      {
        id: "generalists",
        name: say({ en: "Generalists", "zh-CN": "通才团队" }),
        members: [
          { id: "gia", name: "Gia Romano", email: "gia@example.com" },
          { id: "hal", name: "Hal Berg", email: "hal@example.com" },
        ],
      },
    ],
    nodes: [
      newLead(say, at(0, 0)),
      {
        id: "specialist",
        type: "route",
        label: say({ en: "Least busy specialist for the product", "zh-CN": "该产品最空闲的专员" }),
        position: at(1, 0),
        config: {
          team: "specialists",
          strategy: "least_loaded",
          match: { leadField: "product", memberAttribute: "skills" },
          respect: NO_LIMITS,
        },
      },
      {
        id: "generalist",
        type: "route",
        label: say({ en: "Generalists, in turn", "zh-CN": "通才团队，轮流" }),
        position: at(2, 1),
        config: { team: "generalists", strategy: "round_robin", respect: NO_LIMITS },
      },
      tellRep(say, at(3, 0), {
        subject: { en: "New {{lead.product}} lead: {{lead.company}}", "zh-CN": "新的 {{lead.product}} 线索：{{lead.company}}" },
        template: {
          en: "Hi {{owner.name}}, {{lead.company}} asked about {{lead.product}}.",
          "zh-CN": "{{owner.name}}，您好：{{lead.company}} 咨询了 {{lead.product}}。",
        },
      }),
      tellOps(say, at(3, 1)),
    ],
    edges: wire([
      ["new-lead", "specialist"],
      ["specialist:assigned", "tell-rep"],
      ["specialist:unassigned", "generalist"],
      ["generalist:assigned", "tell-rep"],
      ["generalist:unassigned", "tell-ops"],
    ]),
  }),
});
