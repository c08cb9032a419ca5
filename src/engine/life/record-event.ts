// An applied event in a followed lead's story (spec §9 "Events"): its id, the timeline entry, the touch, conversion or close.
import type { LeadEvent } from "../events/parse";
import type { EngineCode, MessageParams } from "../i18n";
import { isoTime } from "../iso-time";
import { releaseOpenLead, type FlowState } from "../state";
import type { TrackedLead } from "./types";

/**
 * Records an event the run accepted (known lead, in time, by its owner): what it adds to the record whatever the lead
 * is doing. A conversion or close also ends the cadence and releases the owner's open lead at once.
 */
export function recordEvent(
  rec: TrackedLead,
  ev: LeadEvent,
  state: FlowState,
  warn: (code: EngineCode, params: MessageParams, about: { event?: string; lead?: string }) => void,
): void {
  rec.events.push(ev.id);
  const at = isoTime(ev.at);
  const owner = rec.owner;
  if (ev.type === "touched") {
    rec.timeline.push(owner !== undefined ? { at, kind: ev.type, owner } : { at, kind: ev.type });
    rec.touchedAt ??= ev.at;
  } else if (ev.type === "rejected") {
    if (ev.reason === undefined) warn("event.no_reason", { event: ev.id, lead: ev.lead }, { event: ev.id, lead: ev.lead });
    const entry = owner !== undefined ? { at, kind: ev.type, owner } : { at, kind: ev.type };
    rec.timeline.push(ev.reason !== undefined ? { ...entry, reason: ev.reason } : entry);
  } else {
    if (owner !== undefined)
      rec.timeline.push(ev.value !== undefined ? { at, kind: ev.type, owner, value: ev.value } : { at, kind: ev.type, owner });
    else rec.timeline.push(ev.value !== undefined ? { at, kind: ev.type, value: ev.value } : { at, kind: ev.type });
    if (ev.type === "converted") {
      rec.touchedAt ??= ev.at;
      rec.convertedAt ??= ev.at;
    } else rec.closedAt ??= ev.at;
    // Converted or closed: the follow-up is over and the owner has one open lead fewer, at once.
    rec.tasks = undefined;
    if (rec.open && rec.owner !== undefined) releaseOpenLead(state, rec.owner);
    rec.open = false;
  }
}
