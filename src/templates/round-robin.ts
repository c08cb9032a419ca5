// Template "Round robin": every new lead goes to the next active rep in turn; the rep is told at once.
import { at, defineTemplate, timed, wire } from "./define";
import { NO_LIMITS, companyField, newLead, tellOps, tellRep } from "./parts";

export const roundRobin = defineTemplate({
  id: "round-robin",
  name: { en: "Round robin", "zh-CN": "轮流分配" },
  description: {
    en: 'Every new lead goes to the next rep of the sales team in roster order, so everyone gets the same share. A rep marked inactive (on holiday) is skipped and keeps their place in the order; nobody is owed make-up leads when they come back (turn on "catch up" in the route if they should be). The assigned rep gets an email straight away; if nobody can take a lead, sales ops is told. To adapt it: edit the team\'s members, or limit the trigger to some lead sources.',
    "zh-CN":
      "每条新线索按名单顺序分配给销售团队中的下一位销售，人人份额相同。标记为不活跃（休假）的销售会被跳过，但保留其在顺序中的位置；回来后不会补发线索（如需补发，请在分配节点中打开“追赶”）。被分配的销售会立即收到邮件；如果没有人能接手线索，则通知销售运营。如何调整：修改团队成员，或让触发器只接收某些线索来源。",
  },
  leads: timed("2026-03-02T09:00:00Z", 7, [
    { id: "rr-1", source: "web", company: "Acme GmbH", email: "lena@acme.example" },
    { id: "rr-2", source: "web", company: "Birch & Co", email: "tom@birch.example" },
    { id: "rr-3", source: "event", company: "Cobalt AB", email: "sara@cobalt.example" },
    { id: "rr-4", source: "web", company: "Dune SA", email: "marc@dune.example" },
    { id: "rr-5", source: "referral", company: "Elm Ltd", email: "ivy@elm.example" },
    { id: "rr-6", source: "web", company: "Fjord AS", email: "ola@fjord.example" },
    { id: "rr-7", source: "web", company: "Gale Inc", email: "kim@gale.example" },
  ]),
  build: (say) => ({
    settings: { timezone: "UTC", seed: 1 },
    fields: [companyField(say), { key: "email", label: say({ en: "Email", "zh-CN": "邮箱" }), type: "string" }],
    teams: [
      {
        id: "sales",
        name: say({ en: "Sales team", "zh-CN": "销售团队" }),
        members: [
          { id: "ann", name: "Ann Lee", email: "ann@example.com", active: true },
          { id: "bob", name: "Bob Stone", email: "bob@example.com", active: true },
          { id: "chen", name: "Chen Jing", email: "chen@example.com", active: true },
          { id: "dana", name: "Dana Wolf", email: "dana@example.com", active: false },
        ],
      },
    ],
    nodes: [
      newLead(say, at(0, 0)),
      {
        id: "in-turn",
        type: "route",
        label: say({ en: "Sales team, in turn", "zh-CN": "销售团队轮流" }),
        position: at(1, 0),
        config: { team: "sales", strategy: "round_robin", respect: NO_LIMITS },
      },
      tellRep(say, at(2, 0), {
        subject: { en: "New lead: {{lead.company}}", "zh-CN": "新线索：{{lead.company}}" },
        template: {
          en: "Hi {{owner.name}}, {{lead.company}} ({{lead.email}}) is yours. — {{flow.name}}",
          "zh-CN": "{{owner.name}}，您好：{{lead.company}}（{{lead.email}}）已分配给您。— {{flow.name}}",
        },
      }),
      tellOps(say, at(2, 1)),
    ],
    edges: wire([
      ["new-lead", "in-turn"],
      ["in-turn:assigned", "tell-rep"],
      ["in-turn:unassigned", "tell-ops"],
    ]),
  }),
});
