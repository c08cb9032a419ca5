// A process's copy of a flow's state fields, and per batch a lazy view of it that records which fields the engine touched.
import { emptyState, type FlowState, type TrackedLead } from "../../engine";
import { SEP, MAP_MARK, entryField, flattenNode, flattenProp, flattenState, isPlainMap, memberField, nodeField, propField } from "./fields";

/** The fields as last synchronised with the store, with the indexes a view needs to list a map's keys. */
export class FieldCache {
  version = 0;
  readonly fields = new Map<string, string>();
  /** Parsed values, shared with the views (a batch changes them in place; a failed batch clears the whole cache). */
  private readonly parsed = new Map<string, unknown>();
  /** `m` → member ids; `n` → node ids; `node␀` → its props; `node␀prop` → a map prop's keys. */
  private readonly index = new Map<string, Set<string>>();

  private keys(of: string): Set<string> {
    let set = this.index.get(of);
    if (!set) this.index.set(of, (set = new Set()));
    return set;
  }

  /** Keys under an index entry (see `index`), as an array. */
  list(of: string): string[] {
    return [...(this.index.get(of) ?? [])];
  }

  /** The field's value, parsed once; undefined when absent. */
  value(field: string): unknown {
    if (this.parsed.has(field)) return this.parsed.get(field);
    const json = this.fields.get(field);
    if (json === undefined) return undefined;
    const value: unknown = JSON.parse(json);
    this.parsed.set(field, value);
    return value;
  }

  /**
   * The cached fields of a node (its own, its properties' and their entries'), or of one property and its entries. Read
   * from the index: scanning every field would cost a batch the whole roster's fields for each replaced property.
   */
  fieldsUnder(node: string, prop: string | undefined): string[] {
    const out: string[] = [];
    const props = prop === undefined ? this.list(`${node}${SEP}`) : [prop];
    if (prop === undefined && this.fields.has(nodeField(node))) out.push(nodeField(node));
    for (const p of props) {
      if (this.fields.has(propField(node, p))) out.push(propField(node, p));
      for (const key of this.index.get(`${node}${SEP}${p}`) ?? []) out.push(entryField(node, p, key));
    }
    return out;
  }

  /** Values a batch wrote, by field, kept as parsed once their commit lands (`set`), instead of parsing the JSON again. */
  private readonly staged = new Map<string, unknown>();

  stage(field: string, value: unknown): void {
    this.staged.set(field, value);
  }

  set(field: string, json: string | null): void {
    const staged = this.staged.get(field);
    if (staged !== undefined && json !== null) {
      this.staged.delete(field);
      this.parsed.set(field, staged);
    } else this.parsed.delete(field);
    // An update of a field already known leaves the index as it is (most commits only change known fields).
    if (json !== null && this.fields.has(field)) {
      this.fields.set(field, json);
      return;
    }
    const parts = field.split(SEP);
    const [kind, id = ""] = parts;
    const under = kind === "m" ? "m" : parts.length === 2 ? "n" : parts.length === 3 ? `${id}${SEP}` : `${id}${SEP}${parts[2]}`;
    const key = kind === "m" || parts.length === 2 ? id : parts.length === 3 ? (parts[2] ?? "") : parts.slice(3).join(SEP);
    if (json === null) {
      this.fields.delete(field);
      this.index.get(under)?.delete(key);
    } else {
      this.fields.set(field, json);
      this.keys(under).add(key);
    }
  }

  clear(): void {
    this.fields.clear();
    this.parsed.clear();
    this.staged.clear();
    this.index.clear();
    this.version = 0;
  }
}

/** What a batch changed: fields to write (null: delete) and followed leads to write (null: delete). */
export interface StateChanges {
  readonly fields: Map<string, string | null>;
  readonly leads: Map<string, TrackedLead | null>;
  readonly seq: number | undefined;
  readonly followed: boolean;
}

type Handler = ProxyHandler<Record<string, unknown>>;

/** Each proxy a view handed out → its target (to tell it from a fresh object the engine put in its place). */
const proxies = new WeakMap<object, Record<string, unknown>>();

/**
 * A proxy over `target` that fills a key from `load` on first use and remembers every key written (set or deleted).
 * Node types assign what they change (`counts[k] = bump(…)`, `ms.day = bump(…)`), so writes are seen at this level.
 */
function lazyMap(
  target: Record<string, unknown>,
  load: (key: string) => unknown,
  all: () => string[],
  dirty: Set<string>,
): Record<string, unknown> {
  const filled = new Set<string>();
  const fill = (key: string | symbol) => {
    if (typeof key !== "string" || filled.has(key)) return;
    filled.add(key);
    const value = load(key);
    if (value !== undefined) target[key] = value;
  };
  const handler: Handler = {
    get: (t, k) => (fill(k), Reflect.get(t, k)),
    has: (t, k) => (fill(k), Reflect.has(t, k)),
    getOwnPropertyDescriptor: (t, k) => (fill(k), Reflect.getOwnPropertyDescriptor(t, k)),
    set: (t, k, v) => {
      fill(k);
      if (typeof k === "string") dirty.add(k);
      return Reflect.set(t, k, v);
    },
    deleteProperty: (t, k) => {
      fill(k);
      if (typeof k === "string") dirty.add(k);
      return Reflect.deleteProperty(t, k);
    },
    ownKeys: (t) => {
      for (const k of all()) fill(k);
      return Reflect.ownKeys(t);
    },
  };
  const proxy = new Proxy(target, handler);
  proxies.set(proxy, target);
  return proxy;
}

/** A member's record as the engine sees it: any property it sets marks the member written. */
function watched(value: unknown, onWrite: () => void): unknown {
  if (!isPlainMap(value)) return value;
  const proxy = new Proxy(value, {
    set: (t, k, v) => (onWrite(), Reflect.set(t, k, v)),
    deleteProperty: (t, k) => (onWrite(), Reflect.deleteProperty(t, k)),
  });
  unwatched.set(proxy, value);
  return proxy;
}
/** Each member proxy → the parsed object it watches. */
const unwatched = new WeakMap<object, unknown>();

/**
 * One batch's view: `state` behaves as the whole FlowState, but a member, node property or map entry is parsed from the
 * cache only when the engine first reads it. `changes()` then compares just those with the cache.
 */
export class StateView {
  readonly state: FlowState;
  private readonly members: Record<string, unknown> = {};
  private readonly usedMembers = new Set<string>();
  private readonly nodes: Record<string, unknown> = {};
  private readonly usedNodes = new Set<string>();
  /** Per node opened through the cache: its target, props used, and per map prop its target and keys used. */
  private readonly opened = new Map<
    string,
    { target: Record<string, unknown>; used: Set<string>; maps: Map<string, { target: Record<string, unknown>; used: Set<string> }> }
  >();
  private readonly leadJson = new Map<string, string>();

  constructor(
    private readonly cache: FieldCache,
    leads: ReadonlyMap<string, string> | null,
    seq: number | undefined,
  ) {
    const state = emptyState();
    state.members = lazyMap(
      this.members,
      (id) => watched(cache.value(memberField(id)), () => this.usedMembers.add(id)),
      () => cache.list("m"),
      this.usedMembers,
    ) as FlowState["members"];
    state.nodes = lazyMap(
      this.nodes,
      (id) => (cache.fields.has(nodeField(id)) ? this.openNode(id) : undefined),
      () => cache.list("n"),
      this.usedNodes,
    ) as FlowState["nodes"];
    if (leads) {
      const tracked: Record<string, TrackedLead> = {};
      for (const [id, json] of leads) {
        this.leadJson.set(id, json);
        tracked[id] = JSON.parse(json) as TrackedLead;
      }
      state.leads = tracked;
    }
    if (seq !== undefined) state.seq = seq;
    this.state = state;
  }

  private openNode(id: string): Record<string, unknown> {
    const entry = { target: {} as Record<string, unknown>, used: new Set<string>(), maps: new Map() };
    this.opened.set(id, entry);
    return lazyMap(
      entry.target,
      (prop) => {
        const json = this.cache.fields.get(propField(id, prop));
        if (json !== MAP_MARK) return this.cache.value(propField(id, prop));
        const map = { target: {} as Record<string, unknown>, used: new Set<string>() };
        entry.maps.set(prop, map);
        return lazyMap(
          map.target,
          (key) => this.cache.value(entryField(id, prop, key)),
          () => this.cache.list(`${id}${SEP}${prop}`),
          map.used,
        );
      },
      () => this.cache.list(`${id}${SEP}`),
      entry.used,
    );
  }

  /** What `written` changed against the cache; `written` is this view's state changed in place, or a whole new state. */
  changes(written: FlowState): StateChanges {
    const fields = new Map<string, string | null>();
    if (written.nodes === this.state.nodes && written.members === this.state.members) this.inPlaceChanges(fields);
    else {
      const next = flattenState(written);
      for (const [field, json] of next) if (this.cache.fields.get(field) !== json) fields.set(field, json);
      for (const field of this.cache.fields.keys()) if (!next.has(field)) fields.set(field, null);
    }
    const leads = new Map<string, TrackedLead | null>();
    const after = written.leads ?? {};
    for (const id of this.leadJson.keys()) if (!Object.prototype.hasOwnProperty.call(after, id)) leads.set(id, null);
    for (const [id, rec] of Object.entries(after)) {
      if (rec === undefined) continue;
      if (JSON.stringify(rec) !== this.leadJson.get(id)) leads.set(id, rec);
    }
    return { fields, leads, seq: written.seq, followed: written.leads !== undefined };
  }

  private inPlaceChanges(fields: Map<string, string | null>): void {
    const put = (field: string, value: unknown) => {
      const json = value === undefined ? null : JSON.stringify(value);
      if (json === (this.cache.fields.get(field) ?? null)) return;
      fields.set(field, json);
      // Kept as parsed: a number or text, or a member the engine changed through the view (the parsed object itself).
      // An object the engine made is parsed again, so no object is ever shared by two fields of the copy.
      if (typeof value !== "object" && value !== undefined) this.cache.stage(field, value);
      else if (value !== null && typeof value === "object" && unwatched.has(value)) this.cache.stage(field, unwatched.get(value));
    };
    for (const id of this.usedMembers) put(memberField(id), this.members[id]);
    for (const id of new Set([...this.usedNodes, ...this.opened.keys()])) {
      const value = this.nodes[id];
      const entry = this.opened.get(id);
      if (!entry || this.usedNodes.has(id) || isRaw(value, entry.target)) {
        // A node created (or replaced) by the engine: all its fields, and none of the cached ones it no longer has.
        this.replaceUnder(id, undefined, value, (out) => isPlainMap(value) && flattenNode(id, value, out), fields);
        continue;
      }
      for (const prop of entry.used) {
        const v = entry.target[prop];
        this.replaceUnder(id, prop, v, (out) => flattenProp(id, prop, v, out), fields);
      }
      for (const [prop, map] of entry.maps) {
        if (entry.used.has(prop)) continue;
        for (const key of map.used) put(entryField(id, prop, key), map.target[key]);
      }
    }
  }

  /** True when the batch marked anything written (a view whose objects may differ from the store). */
  get touched(): boolean {
    return (
      this.usedMembers.size > 0 ||
      this.usedNodes.size > 0 ||
      [...this.opened.values()].some((e) => e.used.size > 0 || [...e.maps.values()].some((m) => m.used.size > 0))
    );
  }

  /** A node or property replaced as a whole: write its fields, and delete the cached ones it no longer has. */
  private replaceUnder(
    node: string,
    prop: string | undefined,
    value: unknown,
    flatten: (out: Map<string, string>) => unknown,
    fields: Map<string, string | null>,
  ): void {
    const next = new Map<string, string>();
    if (value !== undefined) flatten(next);
    for (const [f, json] of next) if (this.cache.fields.get(f) !== json) fields.set(f, json);
    for (const f of this.cache.fieldsUnder(node, prop)) if (!next.has(f)) fields.set(f, null);
  }
}

/** True when `value` is no longer the proxy over `target` the view handed out (the engine assigned a fresh object). */
function isRaw(value: unknown, target: Record<string, unknown>): boolean {
  // A proxy's own keys are its target's; a fresh object assigned by the engine is not the proxy.
  return !(isPlainMap(value) && proxies.get(value) === target);
}
