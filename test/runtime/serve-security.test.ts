// `leadwire serve` refuses to listen beyond loopback without credentials, and says how to set them.
import { afterAll, describe, expect, it } from "vitest";
import { cappedRoundRobin } from "./flows";
import { ensureBuilt, removeWorkDir, serveOnce, startServe, writeJson, type ServeProcess } from "./serve-process";

const running: ServeProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((p) => p.kill()));
  removeWorkDir();
});

const TOKENS = { LEADWIRE_ADMIN_TOKEN: "a".repeat(32), LEADWIRE_READ_TOKEN: "r".repeat(32), LEADWIRE_INGEST_TOKEN: "i".repeat(32) };

describe("serve beyond loopback", () => {
  it("refuses to start without all three credentials, naming the missing ones (exit 2)", () => {
    ensureBuilt();
    const flow = writeJson("flow.json", cappedRoundRobin());
    const none = serveOnce(flow, ["--host", "0.0.0.0", "--port", "0"]);
    expect(none.code).toBe(2);
    expect(none.err).toContain("--host 0.0.0.0 lets other machines reach the service");
    expect(none.err).toMatch(/LEADWIRE_ADMIN_TOKEN, LEADWIRE_READ_TOKEN, LEADWIRE_INGEST_TOKEN/);
    const partial = serveOnce(flow, ["--host", "::", "--port", "0"], { LEADWIRE_ADMIN_TOKEN: TOKENS.LEADWIRE_ADMIN_TOKEN });
    expect(partial.code).toBe(2);
    expect(partial.err).toMatch(/Set LEADWIRE_READ_TOKEN, LEADWIRE_INGEST_TOKEN to/);
    const short = serveOnce(flow, ["--host", "0.0.0.0", "--port", "0"], { ...TOKENS, LEADWIRE_READ_TOKEN: "abc" });
    expect(short).toMatchObject({ code: 2, err: expect.stringContaining("LEADWIRE_READ_TOKEN is shorter than 16 characters") });
    expect(serveOnce(flow, ["--port", "0"], { LEADWIRE_RATE_LIMIT: "fast" })).toMatchObject({
      code: 2,
      err: expect.stringContaining("LEADWIRE_RATE_LIMIT must be"),
    });
  });

  it("runs open on loopback without credentials and says so in the log; with them, asks for them", async () => {
    const open = await startServe(writeJson("open.json", cappedRoundRobin()));
    running.push(open);
    expect(open.log()).toContain("No credentials are set");
    expect((await fetch(`${open.url}/v1/state`)).status).toBe(200);
    const locked = await startServe(writeJson("locked.json", cappedRoundRobin()), { env: TOKENS });
    running.push(locked);
    expect(locked.log()).not.toContain("No credentials are set");
    expect((await fetch(`${locked.url}/v1/state`)).status).toBe(401);
    expect((await fetch(`${locked.url}/v1/state`, { headers: { authorization: `Bearer ${TOKENS.LEADWIRE_READ_TOKEN}` } })).status).toBe(
      200,
    );
    expect((await fetch(`${locked.url}/healthz`)).status).toBe(200);
  });
});
