// Template "Territory by region": the lead's country picks the rep whose regions contain it; the rest of the world shares a team.
import { at, defineTemplate, timed, wire } from "./define";
import { NO_LIMITS, companyField, newLead, tellOps, tellRep } from "./parts";

export const territory = defineTemplate({
  id: "territory",
  name: { en: "Territory by region", "zh-CN": "按区域分配" },
  description: {
    en: 'Each rep owns a territory: the countries listed in their "regions" attribute (ISO codes such as DE, AT, CH for DACH). A lead goes to the rep whose regions contain the lead\'s country, compared without regard to case; when two reps share a country they take turns. A lead from a country nobody owns — or with no country at all — goes to the rest-of-world team in turn, and if nobody is free there sales ops is told. To adapt it: edit the regions of each member (Team → member → attributes), add reps, or match on another field such as state or postcode area.',
    "zh-CN":
      "每位销售负责一个区域：即其“regions”属性中列出的国家（ISO 代码，例如 DACH 区域为 DE、AT、CH）。线索分配给区域中包含该线索国家的销售，比较时不区分大小写；若两位销售共享一个国家，则两人轮流。来自无人负责国家的线索（或没有国家的线索）轮流分配给其他地区团队；若该团队也无人可接，则通知销售运营。如何调整：修改每位成员的区域（团队 → 成员 → 属性）、增加销售，或改为按其他字段（如州或邮编区域）匹配。",
  },
  leads: timed("2026-03-02T08:00:00Z", 6, [
    { id: "tr-1", source: "web", company: "Berliner Bau AG", country: "DE" },
    { id: "tr-2", source: "web", company: "Lyon Textiles", country: "FR" },
    { id: "tr-3", source: "event", company: "Wiener Werkstatt", country: "AT" },
    { id: "tr-4", source: "web", company: "Dublin Digital", country: "IE" },
    { id: "tr-5", source: "web", company: "Stockholm Steel", country: "se" },
    { id: "tr-6", source: "ads", company: "São Paulo Café", country: "BR" },
    { id: "tr-7", source: "web", company: "Zürich Zahlungen", country: "CH" },
    { id: "tr-8", source: "web", company: "Unknown Ventures", country: null },
    { id: "tr-9", source: "ads", company: "Austin Analytics", country: "US" },
  ]),
  build: (say) => ({
    settings: { timezone: "Europe/Berlin", seed: 1 },
    fields: [companyField(say), { key: "country", label: say({ en: "Country (ISO code)", "zh-CN": "国家（ISO 代码）" }), type: "string" }],
    teams: [
      {
        id: "territories",
        name: say({ en: "Territory reps", "zh-CN": "区域销售" }),
        members: [
          { id: "dana", name: "Dana Müller", email: "dana@example.com", attributes: { regions: ["DE", "AT", "CH"] } },
          { id: "felix", name: "Félix Martin", email: "felix@example.com", attributes: { regions: ["FR", "BE", "LU"] } },
          { id: "olivia", name: "Olivia Byrne", email: "olivia@example.com", attributes: { regions: ["GB", "IE"] } },
          { id: "sven", name: "Sven Lund", email: "sven@example.com", attributes: { regions: ["SE", "NO", "DK", "FI"] } },
        ],
      },
      {
        id: "rest-of-world",
        name: say({ en: "Rest of the world", "zh-CN": "其他地区" }),
        members: [
          { id: "ravi", name: "Ravi Patel", email: "ravi@example.com" },
          { id: "rosa", name: "Rosa Silva", email: "rosa@example.com" },
        ],
      },
    ],
    nodes: [
      newLead(say, at(0, 0)),
      {
        id: "territory-owner",
        type: "route",
        label: say({ en: "Territory owner (country → regions)", "zh-CN": "区域负责人（国家 → 区域）" }),
        position: at(1, 0),
        config: {
          team: "territories",
          strategy: "round_robin",
          match: { leadField: "country", memberAttribute: "regions" },
          respect: NO_LIMITS,
        },
      },
      {
        id: "rest-of-world",
        type: "route",
        label: say({ en: "Rest of the world, in turn", "zh-CN": "其他地区，轮流" }),
        position: at(2, 1),
        config: { team: "rest-of-world", strategy: "round_robin", respect: NO_LIMITS },
      },
      tellRep(say, at(3, 0), {
        subject: { en: "New lead from {{lead.country}}: {{lead.company}}", "zh-CN": "来自 {{lead.country}} 的新线索：{{lead.company}}" },
        template: {
          en: "Hi {{owner.name}}, {{lead.company}} is in your territory.",
          "zh-CN": "{{owner.name}}，您好：{{lead.company}} 属于您的区域。",
        },
      }),
      tellOps(say, at(3, 1)),
    ],
    edges: wire([
      ["new-lead", "territory-owner"],
      ["territory-owner:assigned", "tell-rep"],
      ["territory-owner:unassigned", "rest-of-world"],
      ["rest-of-world:assigned", "tell-rep"],
      ["rest-of-world:unassigned", "tell-ops"],
    ]),
  }),
});
