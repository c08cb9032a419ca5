// Mutations for fuzzing JSON documents: replace, delete or poison a value at any path, with hostile values mixed in.
import fc from "fast-check";

type Json = unknown;

/** Every path in a JSON value (iterative, breadth-first, at most `limit` paths). */
export function paths(value: Json, limit = 2_000): (string | number)[][] {
  const out: (string | number)[][] = [];
  const queue: { v: Json; p: (string | number)[] }[] = [{ v: value, p: [] }];
  while (queue.length > 0 && out.length < limit) {
    const { v, p } = queue.shift() as { v: Json; p: (string | number)[] };
    out.push(p);
    if (Array.isArray(v)) v.forEach((item, i) => queue.push({ v: item, p: [...p, i] }));
    else if (v && typeof v === "object") for (const [k, item] of Object.entries(v)) queue.push({ v: item, p: [...p, k] });
  }
  return out;
}

/** Values that have broken parsers before: prototype keys, huge numbers, deep nesting, odd strings. */
export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<Json>(
    "__proto__",
    "constructor",
    "prototype",
    "",
    " ",
    "\u0000",
    "\uFEFF=1+1",
    "a".repeat(5_000),
    -1,
    0,
    1e308,
    -0,
    Number.MAX_SAFE_INTEGER + 2,
    "2026-02-30T25:61:00Z",
    "NaN",
    null,
    true,
    [],
    {},
    { __proto__: { polluted: 1 } },
    JSON.parse('{"__proto__":{"polluted":1}}'),
    {
      op: "all",
      rules: [{ op: "any", rules: [{ op: "all", rules: [{ op: "any", rules: [{ op: "all", rules: [{ op: "any", rules: [] }] }] }] }] }],
    },
    { field: "email", operator: "matches", value: "(a+)+$" },
    { field: "email", operator: "matches", value: ".*.*.*x" },
    { expr: "lead.__proto__.x == 1" },
  ),
);

export interface Mutation {
  at: number;
  kind: "set" | "delete" | "dup";
  value: Json;
}

export const mutations: fc.Arbitrary<Mutation[]> = fc.array(
  fc.record({ at: fc.nat(), kind: fc.constantFrom<Mutation["kind"]>("set", "set", "delete", "dup"), value: hostileValue }),
  { minLength: 1, maxLength: 4 },
);

/** A mutated deep copy (the base is never touched). */
export function mutate(base: Json, steps: readonly Mutation[]): Json {
  let doc: Json = structuredClone(base);
  for (const step of steps) {
    const all = paths(doc);
    const path = all[step.at % all.length] as (string | number)[];
    if (path.length === 0) {
      if (step.kind === "set") doc = structuredClone(step.value);
      continue;
    }
    const parent = path.slice(0, -1).reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], doc) as
      Record<string | number, Json> | Json[];
    const key = path[path.length - 1] as string | number;
    if (step.kind === "delete") {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete (parent as Record<string, Json>)[key];
    } else if (step.kind === "dup" && Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
    else (parent as Record<string | number, Json>)[key] = structuredClone(step.value);
  }
  return doc;
}

/** True while nothing has been written onto Object.prototype or Array.prototype. */
export function prototypesClean(): boolean {
  const probe: Record<string, unknown> = {};
  return (
    Object.getOwnPropertyNames(Object.prototype).every((k) => BUILT_IN.has(k)) &&
    probe.polluted === undefined &&
    ([] as unknown as Record<string, unknown>).polluted === undefined
  );
}
const BUILT_IN = new Set(Object.getOwnPropertyNames(Object.prototype));
