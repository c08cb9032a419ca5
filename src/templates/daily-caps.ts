// Template "Per-rep daily caps": reps take turns up to a daily cap each; the overflow goes to a fallback queue and the manager is told.
import { at, defineTemplate, timed, wire } from "./define";
import { NO_LIMITS, companyField, newLead, tellManager, tellRep } from "./parts";

export const dailyCaps = defineTemplate({
  id: "daily-caps",
  name: { en: "Per-rep daily caps with overflow", "zh-CN": "每位销售每日上限与溢出" },
  description: {
    en: "Reps take new leads in turn, but nobody gets more than 2 a day (counted per calendar day in the flow's time zone, Asia/Shanghai). Because the cap sits right after the route, the route already skips a rep who reached it; when every rep is full the lead goes to the fallback sales queue and the sales manager gets an email, so no lead waits unseen. The next day the counts start again. To adapt it: change the cap's limit and window (hour, day, week, month), the queue's owner, or the manager's address.",
    "zh-CN":
      "销售轮流接收新线索，但每人每天最多 2 条（按流程时区 Asia/Shanghai 的自然日计数）。由于上限节点紧接在分配节点之后，分配节点会直接跳过已达上限的销售；当所有销售都已满额时，线索进入备用销售队列，并给销售经理发送邮件，确保没有线索无人问津。第二天重新计数。如何调整：修改上限节点的数量和时间窗口（小时、天、周、月）、队列的负责人或经理的地址。",
  },
  leads: [
    ...timed("2026-03-02T01:00:00Z", 20, [
      { id: "cap-1", source: "web", company: "Amber Tea" },
      { id: "cap-2", source: "web", company: "Bamboo Homes" },
      { id: "cap-3", source: "ads", company: "Crane Robotics" },
      { id: "cap-4", source: "web", company: "Dragon Boats" },
      { id: "cap-5", source: "web", company: "Eastwind Solar" },
      { id: "cap-6", source: "ads", company: "Fortune Noodles" },
      { id: "cap-7", source: "web", company: "Golden Gate Toys" },
      { id: "cap-8", source: "web", company: "Harmony Music" },
    ]),
    ...timed("2026-03-03T01:00:00Z", 20, [
      { id: "cap-9", source: "web", company: "Ivory Pianos" },
      { id: "cap-10", source: "ads", company: "Jasmine Spa" },
    ]),
  ],
  build: (say) => ({
    settings: { timezone: "Asia/Shanghai", seed: 1 },
    fields: [companyField(say)],
    teams: [
      {
        id: "reps",
        name: say({ en: "Sales reps", "zh-CN": "销售" }),
        members: [
          { id: "lin", name: "Lin Wei", email: "lin@example.com" },
          { id: "mei", name: "Mei Chen", email: "mei@example.com" },
          { id: "ning", name: "Ning Zhao", email: "ning@example.com" },
        ],
      },
      {
        id: "queue",
        name: say({ en: "Fallback queue", "zh-CN": "备用队列" }),
        members: [{ id: "sales-queue", name: say({ en: "Sales queue", "zh-CN": "销售队列" }), email: "queue@example.com" }],
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
      {
        id: "daily-cap",
        type: "cap",
        label: say({ en: "At most 2 a day per rep", "zh-CN": "每人每天最多 2 条" }),
        position: at(2, 0),
        config: { limit: 2, window: "day", scope: "owner" },
      },
      tellRep(say, at(3, 0)),
      {
        id: "queue",
        type: "route",
        label: say({ en: "Fallback queue", "zh-CN": "备用队列" }),
        position: at(3, 1),
        config: { team: "queue", strategy: "fixed", member: "sales-queue", respect: NO_LIMITS },
      },
      tellManager(
        say,
        at(4, 1),
        { en: "Email the sales manager", "zh-CN": "邮件通知销售经理" },
        {
          subject: { en: "Overflow: {{lead.company}}", "zh-CN": "溢出：{{lead.company}}" },
          template: {
            en: "Every rep reached today's cap; {{lead.company}} ({{lead.id}}) is waiting in {{team.name}}.",
            "zh-CN": "所有销售今天都已达到上限；{{lead.company}}（{{lead.id}}）正在{{team.name}}中等待。",
          },
        },
      ),
    ],
    edges: wire([
      ["new-lead", "in-turn"],
      ["in-turn:assigned", "daily-cap"],
      ["daily-cap:ok", "tell-rep"],
      ["daily-cap:overflow", "queue"],
      ["in-turn:unassigned", "queue"],
      ["queue:assigned", "tell-manager"],
      ["queue:unassigned", "tell-manager"],
    ]),
  }),
});
