// The webhook sender against local HTTP servers on 127.0.0.1: retries with backoff, a timeout per try, giving up.
import { describe, expect, it } from "vitest";
import { LogSender } from "./log";
import { recorder, serve, stopLast } from "./test-helpers";
import { DeliveryError, type OutgoingNotification } from "./types";
import { WebhookSender } from "./webhook";

/** The test servers listen on loopback, which a sender only reaches when the operator allows it by name. */
const LOCAL = ["127.0.0.1"];

const message = (to: string[]): OutgoingNotification => ({
  flowId: "f1",
  leadId: "L1",
  owner: "ann",
  notification: { node: "n1", channel: "webhook", to, subject: "New lead", body: "L1 for Ann" },
});

describe("WebhookSender", () => {
  it("retries a failing webhook with backoff and succeeds on the third try", async () => {
    const seen: { at: number; body: string; key: string | undefined }[] = [];
    const url = await serve((req, res, body) => {
      seen.push({ at: Date.now(), body, key: req.headers["idempotency-key"] as string | undefined });
      res.statusCode = seen.length <= 2 ? 503 : 200;
      res.end();
    });
    const logger = recorder();
    await new WebhookSender({ attempts: 4, backoffMs: 40, timeoutMs: 1_000, logger, allowDestinations: LOCAL }).send(message([url]));
    expect(seen).toHaveLength(3);
    expect(JSON.parse(seen[0]?.body ?? "")).toEqual({
      flow: "f1",
      lead: "L1",
      owner: "ann",
      node: "n1",
      channel: "webhook",
      to: [url],
      subject: "New lead",
      body: "L1 for Ann",
    });
    expect(new Set(seen.map((s) => s.key))).toEqual(new Set(["f1:L1:n1"]));
    // Exponential: about 40 ms, then about 80 ms.
    const gaps = [(seen[1]?.at ?? 0) - (seen[0]?.at ?? 0), (seen[2]?.at ?? 0) - (seen[1]?.at ?? 0)];
    expect(gaps[0]).toBeGreaterThanOrEqual(38);
    expect(gaps[1]).toBeGreaterThanOrEqual(78);
    expect(logger.lines.filter((l) => l.level === "warn").map((l) => l.msg)).toEqual([
      expect.stringContaining("answered HTTP 503 (attempt 1 of 4)"),
      expect.stringContaining("answered HTTP 503 (attempt 2 of 4)"),
    ]);
  });

  it("times out a webhook that never answers and gives up after the last try", async () => {
    let tries = 0;
    const url = await serve(() => {
      tries++;
    });
    const started = Date.now();
    const sending = new WebhookSender({ attempts: 3, backoffMs: 10, timeoutMs: 150, allowDestinations: LOCAL }).send(message([url]));
    await expect(sending).rejects.toThrow(DeliveryError);
    await expect(sending).rejects.toMatchObject({
      attempts: 3,
      message: expect.stringContaining("did not answer within 150 ms (attempt 3 of 3)"),
    });
    expect(tries).toBe(3);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("does not retry an answer that will not change (4xx)", async () => {
    let tries = 0;
    const url = await serve((_req, res) => {
      tries++;
      res.statusCode = 400;
      res.end();
    });
    await expect(new WebhookSender({ attempts: 4, backoffMs: 10, allowDestinations: LOCAL }).send(message([url]))).rejects.toMatchObject({
      attempts: 1,
    });
    expect(tries).toBe(1);
  });

  it("reports a refused connection", async () => {
    const url = await serve(() => undefined);
    await stopLast();
    await expect(new WebhookSender({ attempts: 2, backoffMs: 5, allowDestinations: LOCAL }).send(message([url]))).rejects.toThrow(
      /ECONNREFUSED|fetch failed/,
    );
  });

  it("posts to the configured URL instead of the recipients, and leaves recipients without a URL to the fallback", async () => {
    const bodies: string[] = [];
    const url = await serve((_req, res, body) => {
      bodies.push(body);
      res.end();
    });
    await new WebhookSender({ url }).send(message(["ann@example.com"]));
    expect(bodies).toHaveLength(1);
    const logger = recorder();
    await new WebhookSender({ fallback: new LogSender(logger) }).send(message(["ann@example.com"]));
    expect(logger.lines[0]).toMatchObject({ level: "info", obj: { event: "notification", lead: "L1", to: ["ann@example.com"] } });
    await expect(new WebhookSender().send(message(["ann@example.com"]))).rejects.toThrow(/No webhook URL/);
  });
});
