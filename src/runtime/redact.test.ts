// Secrets inside URLs never reach the service's log, whatever field or message carries them.
import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { redactText, redactUrl, serviceLoggerOptions } from "./redact";

describe("URL redaction", () => {
  it("drops user info and secret query values, keeps the rest", () => {
    expect(redactUrl("https://bob:hunter2@hooks.example.com/x?api_key=abc&team=7&token=t0k")).toBe(
      "https://hooks.example.com/x?api_key=[redacted]&team=7&token=[redacted]",
    );
    expect(redactUrl("https://hooks.example.com/x?team=7")).toBe("https://hooks.example.com/x?team=7");
    expect(redactText('failed: "https://u:p@h.example/a?access_token=zz" then http://ok.example/')).toBe(
      'failed: "https://h.example/a?access_token=[redacted]" then http://ok.example/',
    );
  });

  it("applies to log messages, nested fields, errors and authorization headers", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = pino(serviceLoggerOptions("info"), sink);
    log.warn(
      {
        url: "http://u:pw1@a.example/?sig=S1",
        nested: { to: ["https://b.example/?password=PW2"] },
        err: new Error("fetch http://x:pw3@c.example/ failed"),
        headers: { authorization: "Bearer TOK4" },
      },
      "retry http://d.example/?apikey=K5",
    );
    const text = lines.join("");
    for (const secret of ["pw1", "S1", "PW2", "pw3", "TOK4", "K5"]) expect(text).not.toContain(secret);
    expect(text).toContain("a.example");
  });
});
