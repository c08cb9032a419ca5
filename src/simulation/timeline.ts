// A lead's life after assignment in plain words ("09:02 assigned to Ann · 09:17 no first contact in 15 min · …").
import { flowTimeZone, makeTranslator, type Flow, type Lang, type Outcome, type TimelineEntry } from "../engine";
import { followUpMessages } from "./follow-up-messages";

export const translateFollowUp = makeTranslator([followUpMessages]);

/** A duration as a manager says it: "15 min", "2 h", "3 days". */
export function durationWords(d: { minutes?: number; hours?: number; days?: number } | undefined, lang: Lang): string | null {
  if (!d) return null;
  if (d.minutes !== undefined) return translateFollowUp("fu.minutes", { n: d.minutes }, lang);
  if (d.hours !== undefined) return translateFollowUp("fu.hours", { n: d.hours }, lang);
  if (d.days !== undefined) return d.days === 1 ? translateFollowUp("fu.day", {}, lang) : translateFollowUp("fu.days", { n: d.days }, lang);
  return null;
}

export interface TimelinePart {
  /** Local time ("09:02"), with the date in front when the day changes ("Mon 7 Dec 09:02"); empty when the same minute as before. */
  readonly time: string;
  readonly text: string;
}

/** The deadline a follow-up node sets, read from the flow (the timeline entry names the node). */
function withinOf(flow: Flow, nodeId: string | undefined): { minutes?: number; hours?: number; days?: number } | undefined {
  const node = nodeId ? flow.nodes.find((n) => n.id === nodeId) : undefined;
  const config = node?.config as { within?: { minutes?: number; hours?: number; days?: number } } | undefined;
  return config?.within;
}

/** The timeline's entries as parts in the flow's time zone and the reader's language; names map member ids to names. */
export function timelineParts(outcome: Outcome, flow: Flow, names: ReadonlyMap<string, string>, lang: Lang): TimelinePart[] {
  const zone = flowTimeZone(flow);
  const locale = lang === "zh-CN" ? "zh-CN" : "en-GB";
  const dayFormat = new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: "short", day: "numeric", month: "short" });
  const timeFormat = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const who = (id: string | undefined) => (id === undefined ? "—" : (names.get(id) ?? id));
  const parts: TimelinePart[] = [];
  let lastDay = "";
  let lastMinute = "";
  const entries: readonly TimelineEntry[] = outcome.timeline ?? [];
  for (const e of entries) {
    const at = new Date(e.at);
    const day = dayFormat.format(at);
    const minute = `${day} ${timeFormat.format(at)}`;
    const time = minute === lastMinute ? "" : day === lastDay ? timeFormat.format(at) : minute;
    lastDay = day;
    lastMinute = minute;
    parts.push({ time, text: entryText(e) });
  }
  if (outcome.status === "waiting" && outcome.dueAt) {
    const due = new Date(outcome.dueAt);
    const when = dayFormat.format(due) === lastDay ? timeFormat.format(due) : `${dayFormat.format(due)} ${timeFormat.format(due)}`;
    parts.push({ time: "", text: translateFollowUp("fu.tl.waiting", { time: when }, lang) });
  }
  return parts;

  function entryText(e: TimelineEntry): string {
    const owner = who(e.owner);
    switch (e.kind) {
      case "assigned":
        return translateFollowUp("fu.tl.assigned", { owner }, lang);
      case "reminded":
        return translateFollowUp("fu.tl.reminded", { owner }, lang);
      case "touched":
        return translateFollowUp("fu.tl.touched", { owner }, lang);
      case "met":
        return translateFollowUp("fu.tl.met", {}, lang);
      case "breached": {
        const within = durationWords(withinOf(flow, e.node), lang);
        return within ? translateFollowUp("fu.tl.breached", { within }, lang) : translateFollowUp("fu.tl.breached_plain", {}, lang);
      }
      case "rejected":
        return translateFollowUp("fu.tl.rejected", { owner, reason: e.reason ?? translateFollowUp("fu.no_reason", {}, lang) }, lang);
      case "reassigned":
        return translateFollowUp("fu.tl.reassigned", { owner }, lang);
      case "task":
        return translateFollowUp("fu.tl.task", { owner }, lang);
      case "converted":
        return e.value === undefined
          ? translateFollowUp("fu.tl.converted", {}, lang)
          : translateFollowUp("fu.tl.converted_value", { value: e.value }, lang);
      case "closed":
        return translateFollowUp("fu.tl.closed", {}, lang);
    }
  }
}

/** The whole timeline as one line: "09:02 assigned to Ann · 09:12 reminder to Ann · 09:17 no first contact in 15 min · …". */
export function timelineWords(outcome: Outcome, flow: Flow, names: ReadonlyMap<string, string>, lang: Lang): string {
  return timelineParts(outcome, flow, names, lang)
    .map((p) => (p.time ? `${p.time} ${p.text}` : p.text))
    .join(" · ");
}

/** The assumption curve as a manager reads it: "5 min: 100 % · 1 h: 70 % · 1 day: 40 %". */
export function curveWords(curve: readonly { minutes: number; keep: number }[], lang: Lang): string {
  const span = (m: number) =>
    m % 1440 === 0
      ? durationWords({ days: m / 1440 }, lang)
      : m % 60 === 0
        ? durationWords({ hours: m / 60 }, lang)
        : durationWords({ minutes: m }, lang);
  return [...curve]
    .sort((a, b) => a.minutes - b.minutes)
    .map((p) => translateFollowUp("fu.curve_point", { time: span(p.minutes) ?? "", keep: Math.round(p.keep * 100) }, lang))
    .join(" · ");
}
