// The run's outbox: every message the notify nodes rendered (never sent), counted by channel, filtered by channel and
// searched by recipient, subject or text; virtualised, so a 100k-lead run lists all its messages. Text is shown as text.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useDeferredValue, useMemo, useRef, useState } from "react";
import type { Notification } from "../../engine";
import { useT } from "../../i18n/useT";
import type { UiKey } from "../../i18n";
import { CHANNELS } from "../../../nodes/notify/schema";
import { useStableFlow } from "../store/useStableFlow";
import { useRunStore, useRuns } from "./useRuns";

interface Message {
  readonly lead: number;
  readonly leadId: string;
  readonly n: Notification;
}

const ROW_HEIGHT = 64;
const channelKey = (channel: string): UiKey | null =>
  (CHANNELS as readonly string[]).includes(channel) ? (`channel.${channel}` as UiKey) : null;

export function Outbox({ onOpenLead }: { onOpenLead: () => void }) {
  const { t } = useT();
  const runs = useRunStore();
  const flow = useStableFlow();
  const current = useRuns((s) => s.current);
  const [channel, setChannel] = useState("");
  const [search, setSearch] = useState("");
  const query = useDeferredValue(search.trim().toLowerCase());
  const all = useMemo(() => {
    const out: Message[] = [];
    current?.result.outcomes.forEach((o, lead) => {
      for (const n of o.notifications) out.push({ lead, leadId: o.id, n });
    });
    return out;
  }, [current]);
  const shown = useMemo(
    () =>
      all.filter(
        (m) =>
          (channel === "" || m.n.channel === channel) &&
          (query === "" ||
            m.n.to.some((to) => to.toLowerCase().includes(query)) ||
            m.n.subject.toLowerCase().includes(query) ||
            m.n.body.toLowerCase().includes(query)),
      ),
    [all, channel, query],
  );
  const byChannel = current?.result.summary.notifications ?? {};
  const nodeNames = useMemo(() => new Map(flow.nodes.map((n) => [n.id, n.label?.trim() || n.id])), [flow.nodes]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const channelName = (c: string) => {
    const key = channelKey(c);
    return key ? t(key) : c;
  };
  if (!current) return null;

  return (
    <div className="lw-sim-results">
      <p className="lw-note">{t("simui.outboxNote")}</p>
      <p className="lw-sim-outbox-totals" data-testid="outbox-totals">
        {Object.keys(byChannel).length === 0
          ? t("simui.noNotifications")
          : Object.entries(byChannel)
              .map(([c, count]) => t("simui.outboxPerChannel", { channel: channelName(c), count }))
              .join(" · ")}
      </p>
      <div className="lw-sim-filters">
        <label>
          {t("simui.outboxChannel")}{" "}
          <select value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="">{t("simui.all")}</option>
            {Object.keys(byChannel).map((c) => (
              <option key={c} value={c}>
                {channelName(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("simui.outboxSearch")} <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <span className="lw-sim-outbox-count" role="status">
          {t("simui.outboxCount", { shown: shown.length, total: all.length })}
        </span>
      </div>
      <div className="lw-sim-tablebox" ref={scroller} tabIndex={0} role="region" aria-label={t("simui.tabOutbox")}>
        <ul className="lw-sim-outbox lw-sim-outbox-all" style={{ height: virtual.getTotalSize(), position: "relative" }}>
          {virtual.getVirtualItems().map((v) => {
            const m = shown[v.index];
            if (!m) return null;
            return (
              <li
                key={v.key}
                className="lw-sim-mail"
                style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW_HEIGHT - 4, transform: `translateY(${v.start}px)` }}
              >
                <div>
                  <button
                    type="button"
                    className="lw-sim-lead"
                    onClick={() => {
                      runs.setState({ selectedLead: m.lead });
                      onOpenLead();
                    }}
                  >
                    {m.leadId}
                  </button>
                  {" · "}
                  {nodeNames.get(m.n.node) ?? m.n.node}
                  {" · "}
                  <strong>{channelName(m.n.channel)}</strong> → {m.n.to.join(", ")}
                </div>
                <div className="lw-sim-subject">{m.n.subject}</div>
                <div className="lw-sim-mail-body" title={m.n.body}>
                  {m.n.body}
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
