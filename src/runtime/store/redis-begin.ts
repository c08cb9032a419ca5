// BEGIN of a Redis batch: its arguments from the batch's scope, and its reply taken into the process's copy of the fields,
// the outcomes already stored and a view of the state for the engine.
import type { Outcome } from "../../engine";
import { StateView, type FieldCache } from "./state-view";
import type { BatchScope } from "./types";

/** BEGIN's reply when this process has the lease (see redis-scripts.ts). */
export type Begun = [
  ok: 1,
  version: number,
  seq: string | null,
  reset: number,
  changed: (string | null)[],
  outcomes: (string | null)[],
  followed: string[],
  due: string[],
  inbox: string[],
  inboxKnown: string[],
];

/** BEGIN's arguments after its keys: the lease asked for, the copy's version, the scope's ids, followed leads and room. */
export function beginArgs(token: string, leaseMs: number, version: number, prefix: string, scope: BatchScope): (string | number)[] {
  const ids = [...new Set(scope.ids)];
  const followed = [...new Set(scope.followed ?? [])];
  return [
    token,
    leaseMs,
    version,
    prefix,
    scope.dueBy ?? "",
    scope.dueLimit ?? 200,
    ids.length,
    ...ids,
    followed.length,
    ...followed,
    scope.inbox ?? 0,
  ];
}

/**
 * Takes BEGIN's reply in: the fields other processes changed go into the copy, the stored first outcomes of the batch's ids
 * and of the handed-over batches' ids become `known`, the followed leads in scope go into the view. Throws on a corrupt
 * stored value, with the copy perhaps half-changed.
 */
export function takeBegun(cache: FieldCache, begun: Begun, scopeIds: readonly string[]): { known: Map<string, Outcome>; view: StateView } {
  const [, version, seqText, reset, changed, stored, followed, due, , inboxKnown] = begun;
  const known = new Map<string, Outcome>();
  if (reset === 1) cache.clear();
  for (let i = 0; i < changed.length; i += 2) cache.set(changed[i] as string, changed[i + 1] ?? null);
  cache.version = version;
  const ids = [...new Set(scopeIds)];
  stored.forEach((json, i) => {
    const id = ids[i];
    if (typeof json === "string" && id !== undefined) known.set(id, JSON.parse(json) as Outcome);
  });
  for (let i = 0; i < inboxKnown.length; i += 2) known.set(inboxKnown[i] as string, JSON.parse(inboxKnown[i + 1] as string) as Outcome);
  const leads = new Map<string, string>();
  for (const list of [followed, due]) for (let i = 0; i < list.length; i += 2) leads.set(list[i] as string, list[i + 1] as string);
  const followedFlow = leads.size > 0 || seqText !== null;
  const view = new StateView(cache, followedFlow ? leads : null, seqText === null ? undefined : Number(seqText));
  return { known, view };
}
