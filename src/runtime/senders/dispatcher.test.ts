// The dispatcher: delivery in the background, bounded concurrency, failures logged and counted, drain on shutdown.
import { describe, expect, it } from "vitest";
import { NotificationDispatcher } from "./dispatcher";
import { DeliveryError, type NotificationSender, type OutgoingNotification, type SenderLogger } from "./types";

const quiet: SenderLogger & { errors: object[] } = {
  errors: [],
  info: () => undefined,
  warn: () => undefined,
  error(obj) {
    this.errors.push(obj);
  },
};
const note = (i: number, channel = "email"): OutgoingNotification => ({
  flowId: "f",
  leadId: `L${i}`,
  notification: { node: "n", channel, to: ["x"], subject: "", body: "" },
});

describe("NotificationDispatcher", () => {
  it("never makes the caller wait, keeps concurrency bounded and drains", async () => {
    let active = 0;
    let peak = 0;
    const sender: NotificationSender = {
      name: "slow",
      async send() {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 10));
        active--;
      },
    };
    const results: boolean[] = [];
    const d = new NotificationDispatcher(sender, { logger: quiet, concurrency: 3, onResult: (_c, ok) => results.push(ok) });
    d.dispatch(Array.from({ length: 10 }, (_, i) => note(i)));
    expect(d.pending).toBe(10);
    expect(await d.drain(2_000)).toBe(true);
    expect(peak).toBe(3);
    expect(results).toEqual(new Array(10).fill(true));
  });

  it("logs and counts a failure with the lead and attempts, and drops beyond the queue limit", async () => {
    const logger = { ...quiet, errors: [] as object[] };
    const results: [string, boolean][] = [];
    const sender: NotificationSender = {
      name: "down",
      send: async () => {
        throw new DeliveryError("smtp down", 4);
      },
    };
    const d = new NotificationDispatcher(sender, { logger, concurrency: 1, maxQueue: 2, onResult: (c, ok) => results.push([c, ok]) });
    d.dispatch([note(1, "slack"), note(2), note(3), note(4)]);
    await d.drain(1_000);
    expect(results.filter(([, ok]) => !ok)).toHaveLength(4);
    expect(logger.errors).toContainEqual(
      expect.objectContaining({ event: "notification_failed", lead: "L1", channel: "slack", attempts: 4 }),
    );
  });

  it("stops waiting when the drain time is up", async () => {
    const d = new NotificationDispatcher({ name: "stuck", send: () => new Promise(() => undefined) }, { logger: quiet });
    d.dispatch([note(1)]);
    expect(await d.drain(30)).toBe(false);
  });
});
