// The flow's inbox, both ends: a process pushes its batch for the lease holder and waits for the answer on its channel; the
// holder takes the items and answers each (the answers are published with its COMMIT or RELEASE).
import type { Redis } from "ioredis";
import { randomUUID } from "node:crypto";
import { callScript } from "./redis-client";
import { redisKeys } from "./redis-keys";
import type { RedisSignals } from "./redis-signals";
import type { Forwarded, Inbox } from "./types";

/** The item FORWARD pushes: a head line naming the request, the channel for its answer and its lead ids, then the payload. */
function inboxItem(request: string, channel: string, ids: readonly string[], payload: string): string {
  return `${JSON.stringify({ r: request, c: channel, ids: [...new Set(ids)] })}\n${payload}`;
}

/**
 * Pushes a batch to the flow's inbox while another process holds the lease: resolves once pushed, with the answer to come
 * (undefined when none came within `waitMs`), or with undefined when the lease is free (nothing pushed).
 */
export async function pushToInbox(
  from: { readonly client: Redis; readonly signals: RedisSignals; readonly waitMs: number },
  flowId: string,
  ids: readonly string[],
  payload: () => string,
): Promise<{ answer: Promise<string | undefined> } | undefined> {
  const keys = redisKeys(flowId);
  const id = randomUUID();
  const item = inboxItem(id, from.signals.channel, ids, payload());
  const pending = from.signals.expect(id, from.waitMs);
  let pushed: unknown;
  try {
    pushed = await callScript(from.client, "lwForward", [keys.lock, keys.inbox], [item, from.waitMs]);
  } catch (error) {
    pending.cancel();
    throw error;
  }
  if (pushed === 1) return { answer: pending.answer };
  pending.cancel();
  return undefined;
}

/** The items BEGIN took (without their deadline); each answer is added to `replies` as (channel, `<request>\n<answer>`). */
export function takeInbox(taken: readonly string[], replies: string[]): Inbox {
  const channels = new Map<string, string>();
  const items: Forwarded[] = [];
  for (const item of taken) {
    const cut = item.indexOf("\n");
    const head = JSON.parse(item.slice(0, cut)) as { r: string; c: string };
    channels.set(head.r, head.c);
    items.push({ id: head.r, payload: item.slice(cut + 1) });
  }
  return {
    items,
    reply(id: string, answer: string) {
      const channel = channels.get(id);
      if (channel !== undefined) replies.push(channel, `${id}\n${answer}`);
    },
  };
}
