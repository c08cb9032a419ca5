// Reads the Redis outbox stream in a consumer group: each committed notification reaches one process's senders, and comes
// back to another process when the one that read it died before confirming it (XAUTOCLAIM after 10 s).
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { OutgoingNotification } from "../senders/types";

const GROUP = "senders";
/** A message read but not confirmed for this long belongs to a process that died; another one takes it. */
export const CLAIM_IDLE_MS = 10_000;

type Entry = [id: string, fields: string[]];

export function startOutboxConsumer(
  client: Redis,
  key: () => string,
  handle: (messages: OutgoingNotification[]) => void,
): { stop(): Promise<void> } {
  // A blocking read holds its connection: the consumer has its own.
  const reader = client.duplicate();
  reader.on("error", () => undefined);
  const consumer = randomUUID();
  let stopped = false;
  let created = "";

  async function take(stream: string, entries: Entry[]): Promise<void> {
    if (entries.length === 0) return;
    const messages: OutgoingNotification[] = [];
    for (const [, fields] of entries) {
      const json = fields[1];
      if (json) messages.push(JSON.parse(json) as OutgoingNotification);
    }
    handle(messages);
    const ids = entries.map(([id]) => id);
    // Confirmed and removed: the stream holds only what is not yet handed over.
    await reader
      .multi()
      .xack(stream, GROUP, ...ids)
      .xdel(stream, ...ids)
      .exec();
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      try {
        if (reader.status === "wait") await reader.connect();
        const stream = key();
        if (created !== stream) {
          await reader.xgroup("CREATE", stream, GROUP, "0", "MKSTREAM").catch((error: unknown) => {
            if (!String(error).includes("BUSYGROUP")) throw error;
          });
          created = stream;
        }
        const claimed = (await reader.xautoclaim(stream, GROUP, consumer, CLAIM_IDLE_MS, "0", "COUNT", 100)) as [string, Entry[]];
        await take(stream, claimed[1]);
        const read = (await reader.xreadgroup("GROUP", GROUP, consumer, "COUNT", 200, "BLOCK", 500, "STREAMS", stream, ">")) as
          [string, Entry[]][] | null;
        for (const [, entries] of read ?? []) await take(stream, entries);
      } catch {
        // Redis away or restarting: try again shortly (the group is created again if the stream was lost).
        created = "";
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  const running = loop();
  return {
    async stop() {
      stopped = true;
      await running;
      reader.disconnect();
    },
  };
}
