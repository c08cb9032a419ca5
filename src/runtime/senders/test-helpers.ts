// Test helpers for the senders: local HTTP receivers on 127.0.0.1 (closed after each test) and a log recorder.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";
import type { SenderLogger } from "./types";

const servers: Server[] = [];

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** A receiver on a free loopback port; the handler gets the whole body. Answers the URL of its /hook path. */
export async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<string> {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => handler(req, res, body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

/** Stops the last receiver started, so its port refuses connections. */
export async function stopLast(): Promise<void> {
  const server = servers.pop() as Server;
  await new Promise((resolve) => server.close(resolve));
}

export type Recorder = SenderLogger & { lines: { level: string; obj: object; msg?: string }[] };

export function recorder(): Recorder {
  const lines: { level: string; obj: object; msg?: string }[] = [];
  const log = (level: string) => (obj: object, msg?: string) => {
    lines.push({ level, obj, ...(msg ? { msg } : {}) });
  };
  return { lines, info: log("info"), warn: log("warn"), error: log("error"), debug: log("debug") };
}
