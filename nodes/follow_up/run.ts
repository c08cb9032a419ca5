// The follow_up's executor: sets the deadline and reminders when a lead arrives, then answers its events and timers (spec §9).
import type { Member, NodeOf } from "../../src/engine/document/schema";
import { localText, translate, type LocalText } from "../../src/engine/i18n";
import type { LeadRun } from "../../src/engine/lead-run";
import type { TaskState, WaitState } from "../../src/engine/life/types";
import { WAIT, type BoundNode, type CompileContext, type NodeExecutor } from "../../src/engine/node-spec";
import { nodeName } from "../../src/engine/node-name";
import { isoTime } from "../../src/engine/iso-time";
import { addDuration, type WorkCalendar } from "../../src/engine/working-time";
import { parseTemplate, renderTemplate, type Segment } from "../notify/template";
import { durationMinutes, type Duration } from "./schema";

interface Message {
  readonly after: { minutes: number; days: number };
  readonly channel: string;
  readonly to: string;
  /** Null: the product's default text in the run's language. */
  readonly subject: Segment[] | null;
  readonly body: Segment[] | null;
}

function durationText(d: Duration, working: boolean): LocalText {
  const [unit, n]: ["days" | "hours" | "minutes", number] =
    d.days !== undefined ? ["days", d.days] : d.hours !== undefined ? ["hours", d.hours] : ["minutes", d.minutes ?? 0];
  const plain = localText(`duration.${unit}`, { n });
  return working ? localText("duration.working", { duration: plain }) : plain;
}

function messageOf(m: { after: Duration; channel?: string; to?: string; subject?: string; template?: string }): Message {
  return {
    after: durationMinutes(m.after),
    channel: m.channel ?? "email",
    to: m.to ?? "owner",
    subject: m.subject !== undefined ? parseTemplate(m.subject).segments : null,
    body: m.template !== undefined ? parseTemplate(m.template).segments : null,
  };
}

export function compileFollowUp(node: NodeOf<"follow_up">, ctx: CompileContext): NodeExecutor {
  const config = node.config;
  const clock = config.clock ?? "working_hours";
  const within = durationMinutes(config.within);
  const withinText = durationText(config.within, clock === "working_hours");
  const reminders = (config.remind ?? []).map(messageOf);
  const cadence = (config.cadence ?? []).map(messageOf);
  const rejectedWired = ctx.next(node.id, "rejected") !== undefined;
  const holidays: ReadonlySet<string> = new Set(ctx.flow.settings?.holidays ?? []);
  const calendars = new Map<string, WorkCalendar>();
  const calendarOf = (member: Member): WorkCalendar => {
    let cal = calendars.get(member.id);
    if (!cal) {
      cal = { clock: ctx.clock, hours: member.workingHours, holidays, away: member.away };
      calendars.set(member.id, cal);
    }
    return cal;
  };
  const flowScope = { id: ctx.flow.id, name: ctx.flow.name, description: ctx.flow.description ?? "" };
  const name = nodeName(node);
  const localMinute = (ms: number) => {
    const l = ctx.clock.local(ms);
    return `${l.keys.day} ${String(Math.floor(l.minuteOfDay / 60)).padStart(2, "0")}:${String(l.minuteOfDay % 60).padStart(2, "0")}`;
  };

  return {
    bind(_state, _peers, { lang }): BoundNode {
      const defaults = {
        reminder: {
          subject: parseTemplate(translate("follow_up.default_reminder.subject", {}, lang)).segments,
          body: parseTemplate(translate("follow_up.default_reminder", {}, lang)).segments,
        },
        task: {
          subject: parseTemplate(translate("follow_up.default_task.subject", {}, lang)).segments,
          body: parseTemplate(translate("follow_up.default_task", {}, lang)).segments,
        },
      };

      /** Puts a reminder or task in the lead's outbox, rendered like a notify node's message. */
      function send(lead: LeadRun, m: Message, kind: "reminder" | "task"): void {
        let to: string[];
        if (m.to === "owner") to = lead.owner ? [lead.owner.email ?? lead.owner.id] : [];
        else if (m.to === "team") to = lead.team ? lead.team.members.filter((x) => x.active !== false).map((x) => x.email ?? x.id) : [];
        else to = [m.to];
        if (to.length === 0) return;
        const scopes = {
          lead: lead.data,
          owner: lead.owner,
          team: lead.team ? { id: lead.team.id, name: lead.team.name } : null,
          flow: flowScope,
        };
        const fallback = defaults[kind];
        lead.notify({
          node: node.id,
          channel: m.channel,
          to,
          subject: renderTemplate(m.subject ?? fallback.subject, scopes),
          body: renderTemplate(m.body ?? fallback.body, scopes),
        });
      }

      const ownerName = (lead: LeadRun) => lead.owner?.name || lead.owner?.id || "—";
      const at = isoTime;

      return {
        step(lead) {
          const life = lead.life;
          const owner = lead.owner;
          if (!life || !owner) {
            if (lead.trace) lead.note(node.id, "follow_up.no_owner", { node: name });
            return "breached";
          }
          const cal = calendarOf(owner);
          const since = lead.time;
          const wait: WaitState = {
            node: node.id,
            since,
            dueAt: addDuration(since, within, clock, cal),
            remindAt: reminders.map((r) => addDuration(since, r.after, clock, cal)),
            sent: 0,
            owner: owner.id,
          };
          life.wait = wait;
          if (lead.trace)
            lead.note(node.id, "follow_up.waiting", { owner: ownerName(lead), due: localMinute(wait.dueAt), within: withinText });
          return WAIT;
        },

        wake(lead, signal) {
          const life = lead.life;
          const wait = life?.wait;
          if (!life || !wait) return null;
          if (signal.kind === "timer") {
            // Reminders due by now, each only if the lead is still waiting before its deadline.
            while (wait.sent < wait.remindAt.length && (wait.remindAt[wait.sent] as number) <= signal.at) {
              const when = wait.remindAt[wait.sent] as number;
              const reminder = reminders[wait.sent] as Message;
              wait.sent++;
              if (when >= wait.dueAt) continue;
              send(lead, reminder, "reminder");
              life.timeline.push({ at: at(when), kind: "reminded", owner: lead.owner?.id, node: node.id });
              if (lead.trace) lead.note(node.id, "follow_up.reminded", { owner: ownerName(lead) });
            }
            if (signal.at < wait.dueAt) return WAIT;
            life.wait = undefined;
            life.timeline.push({ at: at(wait.dueAt), kind: "breached", owner: lead.owner?.id, node: node.id });
            life.cause = "breached";
            if (lead.trace) lead.note(node.id, "follow_up.breached", { owner: ownerName(lead), within: withinText });
            return "breached";
          }
          const event = signal.event;
          life.wait = undefined;
          switch (event.type) {
            case "touched": {
              life.timeline.push({ at: at(event.at), kind: "met", owner: lead.owner?.id, node: node.id });
              if (lead.trace) lead.note(node.id, "follow_up.met", { owner: ownerName(lead) });
              const first = cadence[0];
              if (first && lead.owner) {
                const from = life.touchedAt ?? event.at;
                const task: TaskState = {
                  node: node.id,
                  from,
                  step: 0,
                  next: addDuration(from, first.after, clock, calendarOf(lead.owner)),
                };
                // A one-task list at its size (a first push would reserve room for 17, kept until the cadence ends).
                if (life.tasks) life.tasks.push(task);
                else life.tasks = [task];
              }
              return "met";
            }
            case "rejected":
              life.cause = "rejected";
              if (lead.trace)
                lead.note(node.id, "follow_up.rejected", {
                  owner: ownerName(lead),
                  reason: event.reason ?? localText("follow_up.reason_none"),
                });
              return rejectedWired ? "rejected" : "breached";
            case "converted":
            case "closed":
              if (lead.trace) lead.note(node.id, "follow_up.ended", { what: localText(`follow_up.${event.type}`) });
              return null;
          }
        },

        task(lead, task: TaskState, now) {
          const step = cadence[task.step];
          if (!step || !lead.owner) {
            task.next = Number.POSITIVE_INFINITY;
            return;
          }
          send(lead, step, "task");
          lead.life?.timeline.push({ at: at(task.next), kind: "task", owner: lead.owner.id, node: node.id });
          if (lead.trace) lead.note(node.id, "follow_up.task", { owner: ownerName(lead), step: task.step + 1, steps: cadence.length });
          task.step++;
          const after = cadence[task.step];
          task.next = after ? Math.max(addDuration(task.from, after.after, clock, calendarOf(lead.owner)), now) : Number.POSITIVE_INFINITY;
        },
      };
    },
  };
}
