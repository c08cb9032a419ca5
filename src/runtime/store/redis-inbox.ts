// A batch handed to the lease holder through the flow's inbox: the item a process pushes, and on the holder's side the items
// it took with where their answers go (published with its COMMIT or RELEASE).
import type { Forwarded, Inbox } from "./types";

/** The item FORWARD pushes: a head line naming the request, the channel for its answer and its lead ids, then the payload. */
export function inboxItem(request: string, channel: string, ids: readonly string[], payload: string): string {
  return `${JSON.stringify({ r: request, c: channel, ids: [...new Set(ids)] })}\n${payload}`;
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
