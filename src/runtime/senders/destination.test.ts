// Senders never reach loopback, private or link-local addresses (in any spelling) unless the operator allows the host by name.
import { describe, expect, it } from "vitest";
import { DestinationGuard, DestinationRefused, addressRange, isLoopbackHost } from "./destination";
import { LogSender } from "./log";
import { recorder, serve } from "./test-helpers";
import { DeliveryError, type OutgoingNotification } from "./types";
import { WebhookSender } from "./webhook";

let hits: string[] = [];

/** A receiver that records each path it is called on and answers `status`; answers its port. */
async function listen(status = 200): Promise<number> {
  hits = [];
  const url = await serve((req, res) => {
    hits.push(req.url ?? "");
    res.statusCode = status;
    res.end();
  });
  return Number(new URL(url).port);
}

const message = (to: string[], channel = "webhook"): OutgoingNotification => ({
  flowId: "f1",
  leadId: "L1",
  notification: { node: "n1", channel, to, subject: "New lead", body: "Ann Lee, ann@acme.test" },
});

describe("destination checks", () => {
  it("refuses loopback in every spelling and never connects", async () => {
    const port = await listen();
    const spellings = [
      "127.0.0.1",
      "localhost",
      "127.1",
      "2130706433",
      "0x7f000001",
      "0177.0.0.1",
      "[::ffff:127.0.0.1]",
      "[::1]",
      "LocalHost",
    ];
    for (const host of spellings) {
      const sending = new WebhookSender({ attempts: 1 }).send(message([`http://${host}:${port}/hook`]));
      await expect(sending, host).rejects.toThrow(DeliveryError);
      await expect(sending, host).rejects.toThrow(/not called: .* is a loopback address/);
    }
    expect(hits).toEqual([]);
  });

  it("classifies private, link-local, unique-local, mapped and translated addresses as internal", () => {
    const ranges = Object.fromEntries(
      [
        "10.1.2.3",
        "192.168.0.1",
        "172.16.5.5",
        "169.254.169.254",
        "fd00::1",
        "fe80::1",
        "::ffff:10.0.0.1",
        "0.0.0.0",
        "100.64.0.1",
        "64:ff9b::7f00:1",
        "8.8.8.8",
        "2606:4700::1",
      ].map((a) => [a, addressRange(a)]),
    );
    expect(ranges).toEqual({
      "10.1.2.3": "private",
      "192.168.0.1": "private",
      "172.16.5.5": "private",
      "169.254.169.254": "linkLocal",
      "fd00::1": "uniqueLocal",
      "fe80::1": "linkLocal",
      "::ffff:10.0.0.1": "private",
      "0.0.0.0": "unspecified",
      "100.64.0.1": "carrierGradeNat",
      "64:ff9b::7f00:1": "rfc6052",
      "8.8.8.8": "unicast",
      "2606:4700::1": "unicast",
    });
    const guard = new DestinationGuard();
    for (const host of ["10.1.2.3", "[fd00::1]", "169.254.169.254"])
      expect(() => guard.check(new URL(`http://${host}/`)), host).toThrow(DestinationRefused);
    expect(() => guard.check(new URL("http://8.8.8.8/"))).not.toThrow();
  });

  it("checks the address a name resolves to at connect time, so a name pointing inside is refused", async () => {
    const guard = new DestinationGuard();
    const answer = await new Promise<unknown>((resolve) => guard.lookup("localhost", {}, (error) => resolve(error)));
    expect(answer).toBeInstanceOf(DestinationRefused);
    const allowed = new DestinationGuard(["localhost"]);
    const address = await new Promise<unknown>((resolve) => allowed.lookup("localhost", {}, (_e, a) => resolve(a)));
    expect(address).toMatch(/^(127\.0\.0\.1|::1)$/);
  });

  it("reaches an internal host the operator allowed by name, and only that one", async () => {
    const port = await listen();
    await new WebhookSender({ attempts: 1, allowDestinations: ["127.0.0.1"] }).send(message([`http://127.0.0.1:${port}/ok`]));
    await expect(
      new WebhookSender({ attempts: 1, allowDestinations: ["127.0.0.1"] }).send(message([`http://localhost:${port}/no`])),
    ).rejects.toThrow(DeliveryError);
    expect(hits).toEqual(["/ok"]);
  });

  it("never posts to a URL given as an email address: the email channel takes addresses only", async () => {
    const port = await listen();
    const logger = recorder();
    const sender = new WebhookSender({ attempts: 1, allowDestinations: ["127.0.0.1"], fallback: new LogSender(logger) });
    await sender.send(message([`http://127.0.0.1:${port}/steal`], "email"));
    expect(hits).toEqual([]);
    expect(logger.lines[0]).toMatchObject({ level: "info", obj: { event: "notification", channel: "email" } });
  });

  it("keeps credentials in a webhook URL out of messages and the log", async () => {
    const port = await listen(503);
    const logger = recorder();
    const url = `http://hookuser:hookpass@127.0.0.1:${port}/hook?api_key=K3Y-SECRET&x=1&access_token=T0K3N`;
    const sending = new WebhookSender({ attempts: 2, backoffMs: 5, logger, allowDestinations: ["127.0.0.1"] }).send(message([url]));
    const error = await sending.then(
      () => null,
      (e: unknown) => e as DeliveryError,
    );
    expect(hits).toHaveLength(2);
    const text = JSON.stringify([error?.message, logger.lines]);
    expect(text).toContain("answered HTTP 503");
    expect(text).toContain("x=1");
    for (const secret of ["hookpass", "hookuser", "K3Y-SECRET", "T0K3N"]) expect(text).not.toContain(secret);
  });

  it("logs no lead data at info: the rendered subject and body only at debug", async () => {
    const logger = recorder();
    await new LogSender(logger).send(message(["ann@example.com"], "email"));
    const info = JSON.stringify(logger.lines.filter((l) => l.level === "info"));
    expect(info).not.toContain("Ann Lee");
    expect(info).not.toContain("ann@acme.test");
    expect(JSON.stringify(logger.lines.filter((l) => l.level === "debug"))).toContain("Ann Lee");
  });

  it("treats only loopback hosts as loopback for serve --host", () => {
    expect(["127.0.0.1", "localhost", "::1", "127.5.5.5"].map(isLoopbackHost)).toEqual([true, true, true, true]);
    expect(["0.0.0.0", "::", "10.0.0.1", "example.com"].map(isLoopbackHost)).toEqual([false, false, false, false]);
  });
});
