// Ids for teams and members made from their names: readable, unique in their list, never a name JavaScript objects inherit.
const FORBIDDEN: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** "Ann Smith" → "ann-smith"; letters of any script are kept ("张伟" stays "张伟"). */
export function slugify(name: string): string {
  return name
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

export function uniqueId(base: string, taken: Iterable<string>, fallback: string): string {
  const used = new Set(taken);
  const root = base && !FORBIDDEN.has(base) ? base : fallback;
  if (!used.has(root)) return root;
  for (let n = 2; ; n++) if (!used.has(`${root}-${n}`)) return `${root}-${n}`;
}

/** Why an id typed by hand cannot be used, or null. */
export function idProblem(id: string, takenByOthers: Iterable<string>): "required" | "forbidden" | "taken" | null {
  if (id === "") return "required";
  if (FORBIDDEN.has(id)) return "forbidden";
  for (const other of takenByOthers) if (other === id) return "taken";
  return null;
}
